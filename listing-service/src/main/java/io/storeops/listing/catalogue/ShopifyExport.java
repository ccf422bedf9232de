package io.storeops.listing.catalogue;

import io.storeops.contracts.Money;
import io.storeops.listing.products.StorePrice;
import io.storeops.platform.sheets.CellValues;
import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.FileRefused.Kind;
import io.storeops.platform.sheets.HeaderedRows;
import io.storeops.platform.sheets.Headers;
import io.storeops.platform.sheets.TableFile;
import io.storeops.platform.sheets.TableRows;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's product export CSV (Products → Export), for one store: rows with the same Handle are
 * one product, the Handle its SPU code; a row with a Variant SKU is a SKU, its variant the values
 * of Option1..Option3 ("Red / M"; a product without options has the value "Default Title", read as
 * no variant), its price Variant Price in the store's currency. Title and the option names are on
 * a product's first row. Rows that carry only an image (no Variant SKU, no option value, no
 * price) are skipped. Other columns (Body (HTML), Vendor, Tags, inventory, SEO, market prices…)
 * are not the listing's and are ignored: an export has dozens, varying with Shopify's version.
 */
final class ShopifyExport extends HeaderedRows {

    private enum Column {
        HANDLE,
        TITLE,
        OPTION1_NAME,
        OPTION1_VALUE,
        OPTION2_NAME,
        OPTION2_VALUE,
        OPTION3_NAME,
        OPTION3_VALUE,
        VARIANT_SKU,
        VARIANT_PRICE
    }

    private static final Map<String, Column> KNOWN = new HashMap<>();
    private static final Column[] OPTION_VALUES = {Column.OPTION1_VALUE, Column.OPTION2_VALUE, Column.OPTION3_VALUE};
    private static final String NO_OPTIONS = "Default Title";

    static {
        KNOWN.put(Headers.key("Handle"), Column.HANDLE);
        KNOWN.put(Headers.key("Title"), Column.TITLE);
        KNOWN.put(Headers.key("Option1 Name"), Column.OPTION1_NAME);
        KNOWN.put(Headers.key("Option1 Value"), Column.OPTION1_VALUE);
        KNOWN.put(Headers.key("Option2 Name"), Column.OPTION2_NAME);
        KNOWN.put(Headers.key("Option2 Value"), Column.OPTION2_VALUE);
        KNOWN.put(Headers.key("Option3 Name"), Column.OPTION3_NAME);
        KNOWN.put(Headers.key("Option3 Value"), Column.OPTION3_VALUE);
        KNOWN.put(Headers.key("Variant SKU"), Column.VARIANT_SKU);
        KNOWN.put(Headers.key("Variant Price"), Column.VARIANT_PRICE);
    }

    private final String store;
    private final String currency;
    private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
    private final Map<String, String> fieldHeaders = new HashMap<>();
    private final ProductRows rows = new ProductRows();
    private List<String> headers;
    private long dataRows;
    private long skipped;

    /** @param store the store whose products the export lists, selling in {@code currency} */
    ShopifyExport(TableFile.Format format, String store, String currency) {
        super(format);
        this.store = store;
        this.currency = currency;
    }

    @Override
    public boolean looksLikeHeader(List<String> cells) {
        return cells.stream()
                        .filter(cell -> KNOWN.containsKey(Headers.key(cell)))
                        .count()
                >= 2;
    }

    @Override
    protected boolean isHeader(List<String> cells) {
        List<Column> found =
                cells.stream().map(cell -> KNOWN.get(Headers.key(cell))).toList();
        return found.contains(Column.HANDLE)
                && found.contains(Column.VARIANT_SKU)
                && found.contains(Column.VARIANT_PRICE);
    }

    @Override
    protected void header(long line, List<String> cells) throws FileRefused {
        headers = cells.stream().map(Headers::written).toList();
        for (int i = 0; i < headers.size(); i++) {
            Column column = KNOWN.get(Headers.key(headers.get(i)));
            if (column == null) {
                continue;
            }
            Integer first = columns.putIfAbsent(column, i);
            if (first != null) {
                throw FileRefused.duplicateColumns(line, headers.get(first), headers.get(i));
            }
        }
        fieldHeaders.put("spuCode", headers.get(columns.get(Column.HANDLE)));
        fieldHeaders.put("sku", headers.get(columns.get(Column.VARIANT_SKU)));
        fieldHeaders.put("prices." + store, headers.get(columns.get(Column.VARIANT_PRICE)));
        if (columns.containsKey(Column.TITLE)) {
            fieldHeaders.put("title", headers.get(columns.get(Column.TITLE)));
        }
        if (columns.containsKey(Column.OPTION1_VALUE)) {
            fieldHeaders.put("variant", headers.get(columns.get(Column.OPTION1_VALUE)));
        }
    }

    @Override
    protected void data(long line, List<String> cells) throws FileRefused {
        if (++dataRows > StoreOpsCatalogue.MAX_ROWS) {
            throw new FileRefused(
                    Kind.TOO_MANY_ROWS,
                    "The export has more than " + StoreOpsCatalogue.MAX_ROWS
                            + " rows: export fewer products at a time.",
                    "导出文件超过 " + StoreOpsCatalogue.MAX_ROWS + " 行：请分批导出商品。");
        }
        String handle = CellValues.text(cell(cells, Column.HANDLE));
        String sku = CellValues.text(cell(cells, Column.VARIANT_SKU));
        List<String> values = new ArrayList<>();
        for (Column option : OPTION_VALUES) {
            String value = CellValues.text(cell(cells, option));
            if (value != null) {
                values.add(value);
            }
        }
        String priceCell = cell(cells, Column.VARIANT_PRICE);
        if (sku == null && values.isEmpty() && CellValues.blank(priceCell)) {
            // An image of the product on a row of its own.
            skipped++;
            return;
        }
        ProductRows.Product product = rows.product(handle);
        product.line(line);
        TableRows.Misfit misfit = TableRows.misfit(cells, headers, format.encoding());
        if (misfit != null) {
            product.problem(line, misfit.column(), misfit.reason());
            return;
        }
        if (handle == null) {
            product.problem(line, header(Column.HANDLE), "the Handle is missing");
        }
        product.says(CatalogueField.TITLE, header(Column.TITLE), line, CellValues.text(cell(cells, Column.TITLE)));
        if (sku == null) {
            product.problem(
                    line,
                    header(Column.VARIANT_SKU),
                    "the variant has no SKU: StoreOps knows SKUs by their code (give it one in Shopify, then export again)");
        }
        Money price = StoreOpsCatalogue.price(product, line, header(Column.VARIANT_PRICE), priceCell, currency);
        if (price == null && CellValues.blank(priceCell)) {
            product.problem(line, header(Column.VARIANT_PRICE), "the price is missing");
        }
        if (sku != null) {
            String variant = values.equals(List.of(NO_OPTIONS)) ? null : String.join(" / ", values);
            product.sku(new ImportedSku(
                    line,
                    sku,
                    variant == null || variant.isEmpty() ? null : variant,
                    price == null ? List.of() : List.of(new StorePrice(store, price)),
                    List.of()));
        }
    }

    @Override
    protected FileRefused noHeader(long candidateLine, List<String> candidate) {
        if (candidate != null) {
            List<Column> found =
                    candidate.stream().map(cell -> KNOWN.get(Headers.key(cell))).toList();
            String missing = !found.contains(Column.HANDLE)
                    ? "Handle"
                    : !found.contains(Column.VARIANT_SKU) ? "Variant SKU" : "Variant Price";
            return new FileRefused(
                    Kind.MISSING_COLUMN,
                    "The header (line " + candidateLine + ") has no " + missing
                            + " column: export the products from Shopify again (Products → Export, CSV).",
                    "表头（第" + candidateLine + "行）缺少“" + missing + "”列：请在 Shopify 中重新导出商品（CSV）。",
                    missing);
        }
        return new FileRefused(
                Kind.NO_HEADER,
                "No header row with Handle, Variant SKU and Variant Price found in the first " + HEADER_SEARCH_ROWS
                        + " lines: this is not a Shopify product export (StoreOps' own catalogue goes with "
                        + "format=storeops).",
                "在前" + HEADER_SEARCH_ROWS + "行中没有找到含 Handle、Variant SKU、Variant Price 的表头：这不是 Shopify 商品导出文件"
                        + "（StoreOps 商品表请指定 format=storeops）。");
    }

    /** The export as read; refused when it had no header or no variant rows. */
    Catalogue catalogue() throws FileRefused {
        finished();
        List<ImportedProduct> products = rows.products();
        if (products.isEmpty()) {
            throw new FileRefused(Kind.EMPTY, "The export has a header but no variant rows.", "导出文件只有表头，没有商品规格行。");
        }
        EnumSet<CatalogueField> given = EnumSet.noneOf(CatalogueField.class);
        if (columns.containsKey(Column.TITLE)) {
            given.add(CatalogueField.TITLE);
        }
        if (columns.containsKey(Column.OPTION1_VALUE)) {
            given.add(CatalogueField.VARIANT);
        }
        return new Catalogue(CatalogueFormat.SHOPIFY, given, List.of(store), fieldHeaders, products, skipped);
    }

    private String cell(List<String> cells, Column column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() ? "" : cells.get(index);
    }

    private String header(Column column) {
        Integer index = columns.get(column);
        return index == null ? null : headers.get(index);
    }
}

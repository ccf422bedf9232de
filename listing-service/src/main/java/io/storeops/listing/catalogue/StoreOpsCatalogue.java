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
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * StoreOps' own catalogue, CSV or XLSX: one row per SKU, under a header in Chinese or English
 * (any order, title lines above it allowed):
 *
 * <ul>
 *   <li>商品编码 / SPU (required): the product's code; rows with the same code are its SKUs;
 *   <li>商家编码 / SKU (required): the SKU's code, as orders and stock know it;
 *   <li>商品标题 / Title: the product's, on any of its rows (usually the first);
 *   <li>规格 / Variant: what tells the SKU apart (颜色、尺码、克重…);
 *   <li>a price column per store, in the store's currency with its decimals (199.00, ¥199):
 *       {@code 价格(tmall-flagship)}, {@code 价格：tmall-flagship}, {@code price(shopify-us)} or
 *       {@code price:shopify-us}; or a plain 价格 / Price column for the store the upload names;
 *   <li>包装清单 / Package contents: the accessories packed with the SKU, separated by ；, ; or |;
 *   <li>目标人群 / Target buyer, 价格带 / Price band, 季节 / Season, 定位说明 / Notes: the
 *       product's positioning.
 * </ul>
 *
 * A column of another name refuses the file (a misspelt store would otherwise drop prices
 * silently). A product is sold in the stores its rows price.
 */
final class StoreOpsCatalogue extends HeaderedRows {

    /** SKU rows one file may hold: a department's whole catalogue, read in one request. */
    static final int MAX_ROWS = 10_000;

    private enum Column {
        SPU,
        SKU,
        TITLE,
        VARIANT,
        PRICE,
        PACKAGE_CONTENTS,
        TARGET_BUYER,
        PRICE_BAND,
        SEASON,
        NOTES
    }

    private static final Map<String, Column> KNOWN = new HashMap<>();
    private static final Pattern PRICE = Pattern.compile("(价格|售价|一口价|price)(?:\\((.+)\\)|:(.+))?");
    private static final Pattern CONTENTS_SEPARATOR = Pattern.compile("[;；|｜\\r\\n]+");
    static final String COLUMNS = "商品编码/SPU, 商家编码/SKU, 商品标题/Title, 规格/Variant, 价格(storeId)/price:storeId, "
            + "包装清单/Package contents, 目标人群/Target buyer, 价格带/Price band, 季节/Season, 定位说明/Notes";

    static {
        known(Column.SPU, "商品编码", "SPU", "SPU编码", "SPU code", "款号");
        known(Column.SKU, "商家编码", "SKU", "SKU编码", "SKU code", "规格编码");
        known(Column.TITLE, "商品标题", "标题", "宝贝标题", "商品名称", "Title", "Product title");
        known(Column.VARIANT, "规格", "销售属性", "规格名称", "Variant");
        known(Column.PACKAGE_CONTENTS, "包装清单", "包装内容", "配件", "Package contents", "In the box");
        known(Column.TARGET_BUYER, "目标人群", "目标客户", "Target buyer");
        known(Column.PRICE_BAND, "价格带", "Price band");
        known(Column.SEASON, "季节", "上市季节", "Season");
        known(Column.NOTES, "定位说明", "备注", "Notes", "Positioning notes");
    }

    private static void known(Column column, String... headers) {
        for (String header : headers) {
            KNOWN.put(Headers.key(header), column);
        }
    }

    private final Map<String, String> currencies;
    private final Map<String, String> storesByKey = new HashMap<>();
    private final String uploadStore;
    private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
    private final Map<String, Integer> priceColumns = new LinkedHashMap<>();
    private final Map<String, String> fieldHeaders = new HashMap<>();
    private final ProductRows rows = new ProductRows();
    private List<String> headers;
    private long dataRows;
    private boolean shopifyHeaderSeen;

    /**
     * @param currencies  every store of the department, with its currency
     * @param uploadStore the store a plain 价格/Price column prices; null when the upload names none
     */
    StoreOpsCatalogue(TableFile.Format format, Map<String, String> currencies, String uploadStore) {
        super(format);
        this.currencies = Map.copyOf(currencies);
        currencies.keySet().forEach(store -> storesByKey.put(Headers.key(store), store));
        this.uploadStore = uploadStore;
    }

    private static Column lookup(String header) {
        String key = Headers.key(header);
        Column column = KNOWN.get(key);
        return column == null && PRICE.matcher(key).matches() ? Column.PRICE : column;
    }

    @Override
    public boolean looksLikeHeader(List<String> cells) {
        return cells.stream().filter(cell -> lookup(cell) != null).count() >= 2;
    }

    @Override
    protected boolean isHeader(List<String> cells) {
        List<Column> found = cells.stream().map(StoreOpsCatalogue::lookup).toList();
        List<String> keys = cells.stream().map(Headers::key).toList();
        if (keys.contains("handle") && keys.contains("variantsku")) {
            shopifyHeaderSeen = true;
        }
        return found.contains(Column.SPU) && found.contains(Column.SKU);
    }

    @Override
    protected void header(long line, List<String> cells) throws FileRefused {
        headers = cells.stream().map(Headers::written).toList();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header.isEmpty()) {
                continue;
            }
            Column column = lookup(header);
            if (column == null) {
                throw new FileRefused(
                        Kind.UNKNOWN_COLUMN,
                        "Unknown column \"" + header + "\" in the header (line " + line + "). Columns read: " + COLUMNS
                                + ". Remove the column, or send a Shopify export with format=shopify.",
                        "表头（第" + line + "行）中有无法识别的列：“" + header + "”。可读取的列：商品编码、商家编码、商品标题、规格、"
                                + "价格(店铺)、包装清单、目标人群、价格带、季节、定位说明。",
                        header);
            }
            if (column == Column.PRICE) {
                String store = priceStore(line, header);
                Integer first = priceColumns.putIfAbsent(store, i);
                if (first != null) {
                    throw FileRefused.duplicateColumns(line, headers.get(first), header);
                }
                fieldHeaders.put("prices." + store, header);
                continue;
            }
            Integer first = columns.putIfAbsent(column, i);
            if (first != null) {
                throw FileRefused.duplicateColumns(line, headers.get(first), header);
            }
            fieldHeaders.put(sheetField(column), header);
        }
    }

    /** The store a price column prices: named in its header, else the upload's (a currency as unit must be the store's). */
    private String priceStore(long line, String header) throws FileRefused {
        Matcher price = PRICE.matcher(Headers.key(header));
        if (!price.matches()) {
            throw new IllegalStateException("not a price column: " + header);
        }
        String named = price.group(2) != null ? price.group(2) : price.group(3);
        if (named != null && storesByKey.containsKey(named)) {
            return storesByKey.get(named);
        }
        boolean unit = named != null && (named.equals("元") || named.matches("[a-z]{3}"));
        if (named != null && !unit) {
            throw new FileRefused(
                    Kind.UNKNOWN_COLUMN,
                    "The column \"" + header + "\" (line " + line + ") prices a store the department does not run: "
                            + "stores are "
                            + String.join(
                                    ", ", currencies.keySet().stream().sorted().toList()) + ".",
                    "列“" + header + "”（第" + line + "行）中的店铺不存在；店铺有："
                            + String.join(
                                    "、", currencies.keySet().stream().sorted().toList()) + "。",
                    header);
        }
        if (uploadStore == null) {
            throw new FileRefused(
                    Kind.UNKNOWN_COLUMN,
                    "The column \"" + header + "\" (line " + line + ") does not say which store's prices it gives: "
                            + "name the store in the header (价格(tmall-flagship), price:shopify-us) or send storeId "
                            + "with the file.",
                    "列“" + header + "”（第" + line + "行）未注明店铺：请写成“价格(店铺)”，或上传时指定 storeId。",
                    header);
        }
        String currency = currencies.get(uploadStore);
        String unitCurrency = named == null ? currency : named.equals("元") ? "CNY" : named.toUpperCase(Locale.ROOT);
        if (!unitCurrency.equals(currency)) {
            throw new FileRefused(
                    Kind.UNKNOWN_COLUMN,
                    "The column \"" + header + "\" (line " + line + ") gives prices in " + unitCurrency + ", but "
                            + uploadStore + " sells in " + currency + ".",
                    "列“" + header + "”（第" + line + "行）的币种为 " + unitCurrency + "，而店铺 " + uploadStore + " 以 " + currency
                            + " 销售。",
                    header);
        }
        return uploadStore;
    }

    @Override
    protected void data(long line, List<String> cells) throws FileRefused {
        if (++dataRows > MAX_ROWS) {
            throw new FileRefused(
                    Kind.TOO_MANY_ROWS,
                    "The file has more than " + MAX_ROWS + " SKU rows: split it into several files.",
                    "文件超过 " + MAX_ROWS + " 行 SKU：请拆分为多个文件。");
        }
        String spu = CellValues.text(cell(cells, Column.SPU));
        ProductRows.Product product = rows.product(spu);
        product.line(line);
        TableRows.Misfit misfit = TableRows.misfit(cells, headers, format.encoding());
        if (misfit != null) {
            product.problem(line, misfit.column(), misfit.reason());
            return;
        }
        if (spu == null) {
            product.problem(line, header(Column.SPU), "the SPU code is missing");
        }
        product.says(CatalogueField.TITLE, header(Column.TITLE), line, CellValues.text(cell(cells, Column.TITLE)));
        product.says(
                CatalogueField.TARGET_BUYER,
                header(Column.TARGET_BUYER),
                line,
                CellValues.text(cell(cells, Column.TARGET_BUYER)));
        product.says(
                CatalogueField.PRICE_BAND,
                header(Column.PRICE_BAND),
                line,
                CellValues.text(cell(cells, Column.PRICE_BAND)));
        product.says(CatalogueField.SEASON, header(Column.SEASON), line, CellValues.text(cell(cells, Column.SEASON)));
        product.says(CatalogueField.NOTES, header(Column.NOTES), line, CellValues.text(cell(cells, Column.NOTES)));
        String sku = CellValues.text(cell(cells, Column.SKU));
        if (sku == null) {
            product.problem(line, header(Column.SKU), "the SKU code is missing");
        }
        List<StorePrice> prices = new ArrayList<>();
        for (Map.Entry<String, Integer> column : priceColumns.entrySet()) {
            String store = column.getKey();
            String cell = column.getValue() < cells.size() ? cells.get(column.getValue()) : "";
            Money price = price(product, line, headers.get(column.getValue()), cell, currencies.get(store));
            if (price != null) {
                prices.add(new StorePrice(store, price));
            }
        }
        if (sku != null) {
            product.sku(new ImportedSku(
                    line,
                    sku,
                    CellValues.text(cell(cells, Column.VARIANT)),
                    prices,
                    contents(cell(cells, Column.PACKAGE_CONTENTS))));
        }
    }

    /** A price in minor units of {@code currency}; null for a blank cell (the SKU is not sold there). */
    static Money price(ProductRows.Product product, long line, String header, String cell, String currency) {
        if (CellValues.blank(cell)) {
            return null;
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        try {
            long minor = CellValues.money(cell, digits, false);
            if (minor <= 0) {
                product.problem(line, header, "the price must be above 0");
                return null;
            }
            return new Money(minor, currency);
        } catch (CellValues.Unreadable unreadable) {
            product.problem(line, header, unreadable.getMessage() + " (a price in " + currency + ")");
            return null;
        }
    }

    /** Package contents as written: items separated by ；, ;, | or line breaks. */
    static List<String> contents(String cell) {
        String text = CellValues.text(cell);
        if (text == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : CONTENTS_SEPARATOR.split(text)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    @Override
    protected FileRefused noHeader(long candidateLine, List<String> candidate) {
        if (candidate != null) {
            List<Column> found =
                    candidate.stream().map(StoreOpsCatalogue::lookup).toList();
            String missing = found.contains(Column.SPU) ? "商家编码/SKU" : "商品编码/SPU";
            return new FileRefused(
                    Kind.MISSING_COLUMN,
                    "The header (line " + candidateLine + ") has no " + missing + " column: every row is a SKU ("
                            + "商家编码/SKU) of a product (商品编码/SPU).",
                    "表头（第" + candidateLine + "行）缺少“" + missing + "”列：每行是一个商品（商品编码）的一个 SKU（商家编码）。",
                    missing);
        }
        return new FileRefused(
                Kind.NO_HEADER,
                "No header row with 商品编码/SPU and 商家编码/SKU found in the first " + HEADER_SEARCH_ROWS + " lines"
                        + (shopifyHeaderSeen
                                ? ": this is a Shopify product export, send it with format=shopify."
                                : "."),
                "在前" + HEADER_SEARCH_ROWS + "行中没有找到含“商品编码”“商家编码”的表头"
                        + (shopifyHeaderSeen ? "：这是 Shopify 商品导出文件，请指定 format=shopify。" : "。"));
    }

    /** The file as read; refused when it had no header or no SKU rows. */
    Catalogue catalogue() throws FileRefused {
        finished();
        List<ImportedProduct> products = rows.products();
        if (products.isEmpty()) {
            throw new FileRefused(Kind.EMPTY, "The file has a header but no SKU rows.", "文件只有表头，没有 SKU 行。");
        }
        Set<CatalogueField> given = EnumSet.noneOf(CatalogueField.class);
        for (Column column : columns.keySet()) {
            CatalogueField field = catalogueField(column);
            if (field != null) {
                given.add(field);
            }
        }
        return new Catalogue(
                CatalogueFormat.STOREOPS, given, List.copyOf(priceColumns.keySet()), fieldHeaders, products, 0);
    }

    private static CatalogueField catalogueField(Column column) {
        return switch (column) {
            case TITLE -> CatalogueField.TITLE;
            case VARIANT -> CatalogueField.VARIANT;
            case PACKAGE_CONTENTS -> CatalogueField.PACKAGE_CONTENTS;
            case TARGET_BUYER -> CatalogueField.TARGET_BUYER;
            case PRICE_BAND -> CatalogueField.PRICE_BAND;
            case SEASON -> CatalogueField.SEASON;
            case NOTES -> CatalogueField.NOTES;
            case SPU, SKU, PRICE -> null;
        };
    }

    private static String sheetField(Column column) {
        return switch (column) {
            case SPU -> "spuCode";
            case SKU -> "sku";
            case PRICE -> "prices";
            default -> catalogueField(column).sheetField();
        };
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

package io.storeops.listing.catalogue;

import io.storeops.listing.products.Positioning;
import io.storeops.listing.products.ProductSheet;
import io.storeops.listing.products.Sku;
import io.storeops.listing.products.StorePrice;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalogue file as read: its products, grouped from their rows, and what the file's columns
 * say. A product becomes a {@link ProductSheet} through {@link #sheetOf}, which lays the file over
 * the product as it is (when it exists): the file's rows are the product's SKUs; what the file has
 * a column for is the file's; what it has none for (another store's prices, the package contents
 * and positioning in a Shopify export) stays as the product has it.
 *
 * @param given        the fields the file has a column for
 * @param pricedStores the stores the file has a price column for, in the columns' order
 * @param headers      the columns as the file's header writes them, by the field a refusal names
 *                     ({@code spuCode}, {@code title}, {@code sku}, {@code variant},
 *                     {@code packageContents}, {@code positioning.season}…, {@code prices.<storeId>})
 * @param skippedRows  rows that say nothing of a SKU (Shopify's image-only rows), skipped
 */
public record Catalogue(
        CatalogueFormat format,
        Set<CatalogueField> given,
        List<String> pricedStores,
        Map<String, String> headers,
        List<ImportedProduct> products,
        long skippedRows) {

    private static final Pattern SKU_FIELD = Pattern.compile("^skus\\[(\\d+)\\](?:\\.(\\w+))?:?\\s*");
    private static final Pattern STORE_NAMED = Pattern.compile("(?:store|in) ([A-Za-z0-9._-]+)");

    public Catalogue {
        given = Set.copyOf(given);
        pricedStores = List.copyOf(pricedStores);
        headers = Map.copyOf(headers);
        products = List.copyOf(products);
    }

    /**
     * The sheet of {@code product}, unchecked: the file laid over {@code existing} (null for a new
     * product). Its stores are the existing product's, less those the file has a column for but
     * prices nowhere on the product's rows, then the other stores the rows price, in the columns'
     * order (so a new product's listing is run by the first store its rows price).
     */
    public ProductSheet sheetOf(ImportedProduct product, ProductSheet existing) {
        List<String> priced = pricedStores.stream()
                .filter(store -> product.skus().stream()
                        .anyMatch(sku -> sku.priceIn(store).isPresent()))
                .toList();
        Set<String> stores = new LinkedHashSet<>();
        if (existing != null) {
            existing.stores().stream()
                    .filter(store -> !pricedStores.contains(store) || priced.contains(store))
                    .forEach(stores::add);
        }
        stores.addAll(priced);
        List<Sku> skus = new ArrayList<>();
        for (ImportedSku row : product.skus()) {
            Sku before = existing == null
                    ? null
                    : existing.skus().stream()
                            .filter(sku -> sku.sku().equals(row.sku()))
                            .findFirst()
                            .orElse(null);
            List<StorePrice> prices = new ArrayList<>();
            for (String store : stores) {
                Optional<StorePrice> price = pricedStores.contains(store)
                        ? row.priceIn(store)
                        : Optional.ofNullable(before).flatMap(sku -> sku.priceIn(store));
                price.ifPresent(prices::add);
            }
            skus.add(new Sku(
                    row.sku(),
                    given.contains(CatalogueField.VARIANT) || before == null ? row.variant() : before.variant(),
                    prices,
                    given.contains(CatalogueField.PACKAGE_CONTENTS) || before == null
                            ? row.packageContents()
                            : before.packageContents()));
        }
        Positioning kept = existing == null ? Positioning.NONE : existing.positioning();
        Positioning read = product.positioning();
        return new ProductSheet(
                product.spuCode(),
                product.title() != null || existing == null ? product.title() : existing.title(),
                List.copyOf(stores),
                skus,
                new Positioning(
                        field(CatalogueField.TARGET_BUYER, read.targetBuyer(), kept.targetBuyer()),
                        field(CatalogueField.PRICE_BAND, read.priceBand(), kept.priceBand()),
                        field(CatalogueField.SEASON, read.season(), kept.season()),
                        field(CatalogueField.NOTES, read.notes(), kept.notes())));
    }

    private String field(CatalogueField field, String read, String kept) {
        return given.contains(field) ? read : kept;
    }

    /**
     * A refusal of the product's rules ({@code skus[1].prices must give one price in store …}) as
     * the person fixing the file needs it: on the SKU's line and in its column, where it names one.
     */
    public RowProblem problem(ImportedProduct product, IllegalArgumentException refused) {
        String message = refused.getMessage();
        Matcher sku = SKU_FIELD.matcher(message);
        if (sku.find()) {
            Optional<ImportedSku> row = product.sku(Integer.parseInt(sku.group(1)));
            if (row.isPresent()) {
                String field = sku.group(2);
                String rest = message.substring(sku.end());
                String column = field == null ? null : headers.get(field);
                if ("prices".equals(field)) {
                    Matcher store = STORE_NAMED.matcher(rest);
                    column = store.find() ? headers.get("prices." + store.group(1)) : null;
                }
                String code = row.get().sku() == null ? "" : "SKU " + row.get().sku() + ": ";
                return new RowProblem(row.get().line(), column, code + (field == null ? "" : field + " ") + rest);
            }
        }
        if (message.startsWith("stores must name at least one store")) {
            return new RowProblem(
                    null,
                    null,
                    "No row of the product gives a price: a product is sold in the stores its rows price "
                            + "(a price column per store).");
        }
        // title, spuCode, positioning.season…: the field the refusal starts with
        String field =
                message.startsWith("positioning.") ? message.split("[ :]", 2)[0] : message.split("[ .:\\[]", 2)[0];
        return new RowProblem(product.lines().isEmpty() ? null : product.lines().get(0), headers.get(field), message);
    }
}

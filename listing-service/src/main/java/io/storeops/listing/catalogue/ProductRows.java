package io.storeops.listing.catalogue;

import io.storeops.listing.products.Positioning;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers a catalogue file's SKU rows into products by SPU code, in the order their first rows
 * come; a product's rows need not be next to each other. Product-wide cells (title, positioning)
 * count from the first row that fills them; a later row that says otherwise is a problem, for
 * which of the two is meant cannot be told.
 */
final class ProductRows {

    private final Map<String, Product> products = new LinkedHashMap<>();
    private int withoutCode;

    /** The product {@code spuCode} (null: a row without one, a product of its own), gathering its rows. */
    Product product(String spuCode) {
        String key = spuCode == null ? "\u0000" + withoutCode++ : spuCode;
        return products.computeIfAbsent(key, unused -> new Product(spuCode));
    }

    List<ImportedProduct> products() {
        return products.values().stream().map(Product::imported).toList();
    }

    /** One product's rows as they are read. */
    static final class Product {
        private final String spuCode;
        private final List<Long> lines = new ArrayList<>();
        private final List<ImportedSku> skus = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        private final Map<CatalogueField, Said> said = new EnumMap<>(CatalogueField.class);

        private Product(String spuCode) {
            this.spuCode = spuCode;
        }

        void line(long line) {
            lines.add(line);
        }

        void sku(ImportedSku sku) {
            skus.add(sku);
        }

        void problem(long line, String column, String reason) {
            problems.add(new RowProblem(line, column, reason));
        }

        /** A product-wide cell of {@code line}; blank says nothing. */
        void says(CatalogueField field, String column, long line, String value) {
            if (value == null) {
                return;
            }
            Said before = said.putIfAbsent(field, new Said(line, value));
            if (before != null && !before.value.equals(value)) {
                problem(
                        line,
                        column,
                        "the product's " + column + " is '" + value + "' here and '" + before.value + "' on line "
                                + before.line + ": give it once, or the same on every row");
            }
        }

        private String value(CatalogueField field) {
            Said value = said.get(field);
            return value == null ? null : value.value;
        }

        ImportedProduct imported() {
            return new ImportedProduct(
                    spuCode,
                    lines,
                    value(CatalogueField.TITLE),
                    skus,
                    new Positioning(
                            value(CatalogueField.TARGET_BUYER),
                            value(CatalogueField.PRICE_BAND),
                            value(CatalogueField.SEASON),
                            value(CatalogueField.NOTES)),
                    problems);
        }

        private record Said(long line, String value) {}
    }
}

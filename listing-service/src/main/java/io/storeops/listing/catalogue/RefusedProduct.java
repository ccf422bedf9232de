package io.storeops.listing.catalogue;

import java.util.List;

/**
 * A product of a catalogue file that was not imported, and why; nothing of it changed.
 *
 * @param spuCode  its code as the file writes it; null for a row without one
 * @param lines    the file's lines (CSV) or rows (XLSX) of the product
 * @param type     what kind of refusal: {@code unreadable-rows} (cells that cannot be read),
 *                 {@code invalid} (the product breaks a rule of products), {@code store-forbidden}
 *                 (it is sold in a store the caller does not work for), or the listing flow's
 *                 conflict ({@code product-exists}, {@code sku-taken}, {@code listing-step},
 *                 {@code store-on-sale})
 * @param problems each problem, on its line and column where it has one
 */
public record RefusedProduct(String spuCode, List<Long> lines, String type, List<RowProblem> problems) {

    public RefusedProduct {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    static RefusedProduct of(ImportedProduct product, String type, List<RowProblem> problems) {
        return new RefusedProduct(product.spuCode(), product.lines(), type, problems);
    }
}

package io.storeops.listing.catalogue;

import io.storeops.listing.products.Positioning;
import java.util.List;
import java.util.Optional;

/**
 * What a catalogue file says of one product: the rows sharing its SPU code (商品编码, Shopify's
 * Handle), in the file's order. Product-wide cells (title, positioning) may be on any of its rows,
 * usually the first; rows that say them differently are a problem.
 *
 * @param spuCode  the product's code as the file writes it; null for a row without one
 * @param lines    the file's lines (CSV) or rows (XLSX) of the product
 * @param title    its title, or null when no row gives one
 * @param problems what keeps the product from being imported, found while reading; empty when none
 */
public record ImportedProduct(
        String spuCode,
        List<Long> lines,
        String title,
        List<ImportedSku> skus,
        Positioning positioning,
        List<RowProblem> problems) {

    public ImportedProduct {
        lines = List.copyOf(lines);
        skus = List.copyOf(skus);
        positioning = positioning == null ? Positioning.NONE : positioning;
        problems = List.copyOf(problems);
    }

    /** The SKU row {@code index} of the product, as its sheet lists it. */
    public Optional<ImportedSku> sku(int index) {
        return index >= 0 && index < skus.size() ? Optional.of(skus.get(index)) : Optional.empty();
    }
}

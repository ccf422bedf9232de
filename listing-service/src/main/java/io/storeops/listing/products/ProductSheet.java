package io.storeops.listing.products;

import java.util.List;

/**
 * The product as the team describes it when selecting or editing it: SPU code (the product's id
 * across the department), title, the stores it is sold in (the first runs its listing), its SKUs
 * with prices and package contents, and its positioning.
 */
public record ProductSheet(String spuCode, String title, List<String> stores, List<Sku> skus, Positioning positioning) {

    public ProductSheet {
        stores = stores == null ? List.of() : List.copyOf(stores);
        skus = skus == null ? List.of() : List.copyOf(skus);
        positioning = positioning == null ? Positioning.NONE : positioning;
    }
}

package io.storeops.listing.catalogue;

import io.storeops.listing.products.StorePrice;
import java.util.List;
import java.util.Optional;

/**
 * One SKU row of a catalogue file.
 *
 * @param line            the file's line (CSV) or row (XLSX)
 * @param variant         what tells the SKU apart (规格, Shopify's option values), or null
 * @param prices          its price in each store the row prices; a store whose cell is blank is missing
 * @param packageContents what is packed with it, in the file's order
 */
public record ImportedSku(
        long line, String sku, String variant, List<StorePrice> prices, List<String> packageContents) {

    public ImportedSku {
        prices = List.copyOf(prices);
        packageContents = List.copyOf(packageContents);
    }

    public Optional<StorePrice> priceIn(String storeId) {
        return prices.stream().filter(price -> price.storeId().equals(storeId)).findFirst();
    }
}

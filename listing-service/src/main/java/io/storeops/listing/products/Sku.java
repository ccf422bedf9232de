package io.storeops.listing.products;

import java.util.List;
import java.util.Optional;

/**
 * One variant of the product (size, colour…): its code (商家编码, the code orders and stock use),
 * what tells it apart, its price in each store, and what is packed with it (the accessories the
 * warehouse checks on each parcel).
 */
public record Sku(String sku, String variant, List<StorePrice> prices, List<String> packageContents) {

    public Sku {
        prices = prices == null ? List.of() : List.copyOf(prices);
        packageContents = packageContents == null ? List.of() : List.copyOf(packageContents);
    }

    public Optional<StorePrice> priceIn(String storeId) {
        return prices.stream().filter(price -> price.storeId().equals(storeId)).findFirst();
    }
}

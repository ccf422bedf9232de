package io.storeops.contracts.events.listing;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.Money;
import java.util.List;

/**
 * One variant as a store sells it: its code (商家编码), what tells it apart (size, colour…), its
 * price in the store's currency and what is packed with it, which the warehouse checks.
 */
public record ListedSku(String sku, String variant, Money price, List<String> packageContents) {

    public ListedSku {
        packageContents = Defaults.list(packageContents);
    }
}

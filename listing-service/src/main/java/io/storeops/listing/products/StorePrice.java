package io.storeops.listing.products;

import io.storeops.contracts.Money;

/** What a SKU costs in one store, in that store's currency. */
public record StorePrice(String storeId, Money price) {}

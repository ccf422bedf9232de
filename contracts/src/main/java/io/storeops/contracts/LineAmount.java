package io.storeops.contracts;

/** Money of one SKU's units: what a refund paid back for them. */
public record LineAmount(String sku, int quantity, Money amount) {}

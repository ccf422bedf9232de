package io.storeops.contracts;

/** A quantity of one SKU: a shipment line, a returned line. */
public record ItemQuantity(String sku, int quantity) {}

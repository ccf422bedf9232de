package io.storeops.fulfillment.shipping;

/**
 * Whether a store ships the lines it has in stock at once and sends those short at payment in a
 * second parcel when they come, instead of holding the whole order back.
 */
@FunctionalInterface
public interface PartialShipmentPolicy {

    boolean allowedIn(String storeId);
}

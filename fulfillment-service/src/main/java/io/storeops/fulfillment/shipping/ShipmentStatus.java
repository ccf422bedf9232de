package io.storeops.fulfillment.shipping;

/** Where a shipment stands in the warehouse. */
public enum ShipmentStatus {
    /** Waiting for the warehouse: in the next dispatch batch. */
    READY,
    /** The order is held for customer service review: not to be shipped until released. */
    ON_HOLD,
    /** Units of some lines are missing: not to be shipped until the restock reserves them. */
    AWAITING_STOCK,
    /** Handed to the carrier with a tracking number. */
    DISPATCHED,
    /** Will not go out: the order was cancelled before dispatch. */
    CANCELLED
}

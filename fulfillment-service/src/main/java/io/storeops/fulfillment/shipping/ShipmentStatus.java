package io.storeops.fulfillment.shipping;

/** Where a shipment stands in the warehouse. */
public enum ShipmentStatus {
    /** Waiting for the warehouse: in the next dispatch batch. */
    READY,
    /** Handed to the carrier with a tracking number. */
    DISPATCHED,
    /** Will not go out: the order was cancelled before dispatch. */
    CANCELLED
}

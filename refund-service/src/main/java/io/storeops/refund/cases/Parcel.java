package io.storeops.refund.cases;

/**
 * What the after-sale file knows of one of its order's parcels, from fulfilment's events: whether
 * the goods left the warehouse decides what a cancellation or a return may do.
 */
public record Parcel(String shipmentId, Status status) {

    /** Where the parcel is: it only ever moves on from the warehouse, once. */
    public enum Status {
        /** Made, waiting in the warehouse. */
        IN_WAREHOUSE,
        /** Handed to the carrier. */
        DISPATCHED,
        /** Stopped before it left: the order was cancelled, or a refund took its goods. */
        STOPPED
    }
}

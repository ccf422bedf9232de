package io.storeops.refund.cases;

/**
 * What the after-sale file knows of one of its order's parcels, from fulfilment's events: whether
 * the goods left the warehouse decides what a cancellation or a return may do.
 *
 * @param replacementFor the exchange whose replacement the parcel carries; null for the order's own
 *     parcels, the only ones that say whether the order's goods left
 */
public record Parcel(String shipmentId, Status status, String replacementFor) {

    /** Where the parcel is: it only ever moves on from the warehouse, once. */
    public enum Status {
        /** Made, waiting in the warehouse. */
        IN_WAREHOUSE,
        /** Handed to the carrier. */
        DISPATCHED,
        /** Stopped before it left: the order was cancelled, or a refund took its goods. */
        STOPPED
    }

    /** Whether the parcel carries the goods the order was paid for (not an exchange's replacement). */
    public boolean isTheOrders() {
        return replacementFor == null;
    }
}

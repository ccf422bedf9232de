package io.storeops.fulfillment.stock;

import java.time.Instant;

/**
 * One change of a SKU's stock: what kind, by how many units, how many were on hand after it, why,
 * who, and from where ({@code api}, {@code import:<file name>}, or {@code dispatch}); with the
 * idempotency key of the request that made it, when the caller sent one.
 */
public record StockMovement(
        Instant at, Kind kind, int delta, int onHandAfter, String reason, String by, String source, String requestKey) {

    public enum Kind {
        /** A stock count replaced what the ledger said. */
        COUNTED,
        /** Units received or taken out. */
        ADJUSTED,
        /** Reserved units left with a parcel (the reason names the shipment). */
        SHIPPED,
        /** Resellable units of a return came back (the reason names the refund). */
        RETURNED
    }

    /**
     * What a person (or an import in their name) asks of one SKU: a count or an adjustment of
     * {@code quantity}; {@code requestKey} is the caller's idempotency key, if it sent one.
     */
    public record Request(
            String storeId,
            String sku,
            int quantity,
            String reason,
            String by,
            String source,
            Instant at,
            String requestKey) {}
}

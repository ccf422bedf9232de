package io.storeops.order.lifecycle;

/** How much of an order's total went back to the buyer; a status of its own once anything did. */
public enum RefundStanding implements OrderStatus {
    NONE,
    PARTIALLY_REFUNDED,
    REFUNDED;

    static RefundStanding of(long refundedMinor, long totalMinor) {
        if (refundedMinor <= 0) {
            return NONE;
        }
        return refundedMinor >= totalMinor ? REFUNDED : PARTIALLY_REFUNDED;
    }
}

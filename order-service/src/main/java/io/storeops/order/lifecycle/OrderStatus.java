package io.storeops.order.lifecycle;

/**
 * Where an order stands, as staff see it: its progress, unless money went back to the buyer, in
 * which case its refund standing (the progress stays visible beside it).
 */
public enum OrderStatus {
    PLACED,
    PAID,
    ON_HOLD,
    READY,
    PARTIALLY_SHIPPED,
    SHIPPED,
    DELIVERED,
    COMPLETED,
    CANCELLED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /** The status of an order with this progress and this much of {@code total} refunded. */
    public static OrderStatus of(Progress progress, long refundedMinor, long totalMinor) {
        if (refundedMinor > 0) {
            return refundedMinor >= totalMinor ? REFUNDED : PARTIALLY_REFUNDED;
        }
        return valueOf(progress.name());
    }
}

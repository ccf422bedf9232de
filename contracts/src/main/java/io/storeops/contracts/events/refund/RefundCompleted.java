package io.storeops.contracts.events.refund;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.LineAmount;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/**
 * Money was paid back to the buyer.
 *
 * @param lines what of {@code amount} went back for which SKU's units, so that figures per item can
 *     take it off; the rest (shipping, a refund that names no lines) concerns the order as a whole.
 *     Absent from producers that predate it: empty
 */
public record RefundCompleted(
        String orderId, String storeId, String refundId, Money amount, Instant completedAt, List<LineAmount> lines)
        implements OrderScopedEvent {

    public RefundCompleted {
        lines = Defaults.list(lines);
    }

    /** A refund of the order as a whole, naming no lines. */
    public RefundCompleted(String orderId, String storeId, String refundId, Money amount, Instant completedAt) {
        this(orderId, storeId, refundId, amount, completedAt, List.of());
    }
}

package io.storeops.contracts.events.refund;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/**
 * The supervisor (or the seller-response timer) approved a refund.
 *
 * @param lines         the units the refund gives up or takes back, per SKU; empty when it is for money
 *     only or names no lines (then the amount alone says whether it covers the goods)
 * @param coversTheGoods whether the refund gives up the order's goods (every unit of them, or as much
 *     as they cost): what stops a parcel that has not left, even one fulfilment has not seen paid yet.
 *     Absent from producers that predate it: false
 */
public record RefundApproved(
        String orderId,
        String storeId,
        String refundId,
        String type,
        Money amount,
        List<ItemQuantity> lines,
        String decidedBy,
        boolean autoApproved,
        Instant decidedAt,
        boolean coversTheGoods)
        implements OrderScopedEvent {

    public RefundApproved {
        lines = Defaults.list(lines);
    }

    /** An approval that does not say whether it covers the goods (it does not). */
    public RefundApproved(
            String orderId,
            String storeId,
            String refundId,
            String type,
            Money amount,
            List<ItemQuantity> lines,
            String decidedBy,
            boolean autoApproved,
            Instant decidedAt) {
        this(orderId, storeId, refundId, type, amount, lines, decidedBy, autoApproved, decidedAt, false);
    }
}

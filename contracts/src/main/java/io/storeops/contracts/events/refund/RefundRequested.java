package io.storeops.contracts.events.refund;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/** The buyer (or customer service on their behalf) asks for money back: REFUND_ONLY or RETURN_AND_REFUND. */
public record RefundRequested(
        String orderId,
        String storeId,
        String refundId,
        String type,
        String reason,
        Money amount,
        List<ItemQuantity> lines,
        Instant requestedAt)
        implements OrderScopedEvent {

    public RefundRequested {
        lines = Defaults.list(lines);
    }
}

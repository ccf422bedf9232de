package io.storeops.contracts.events;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The supervisor (or the seller-response timer) approved a refund. */
public record RefundApproved(
        String orderId,
        String storeId,
        String refundId,
        String type,
        Money amount,
        String decidedBy,
        boolean autoApproved,
        Instant decidedAt) implements OrderScopedEvent {
}

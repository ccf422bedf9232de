package io.storeops.contracts.events.refund;

import io.storeops.contracts.Money;
import io.storeops.contracts.NotYetEmitted;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The supervisor (or the seller-response timer) approved a refund. */
@NotYetEmitted("refund-service, with the after-sale desk (issue 11)")
public record RefundApproved(
        String orderId,
        String storeId,
        String refundId,
        String type,
        Money amount,
        String decidedBy,
        boolean autoApproved,
        Instant decidedAt)
        implements OrderScopedEvent {}

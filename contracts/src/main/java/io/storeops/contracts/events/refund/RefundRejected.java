package io.storeops.contracts.events.refund;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The supervisor rejected a refund; customer service negotiates with the buyer. */
public record RefundRejected(
        String orderId, String storeId, String refundId, String reason, String decidedBy, Instant decidedAt)
        implements OrderScopedEvent {}

package io.storeops.contracts.events.refund;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The refund ended without payment (withdrawn, return not shipped in time). */
public record RefundClosed(String orderId, String storeId, String refundId, String reason, Instant closedAt)
        implements OrderScopedEvent {}

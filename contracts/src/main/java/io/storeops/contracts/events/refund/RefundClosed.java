package io.storeops.contracts.events.refund;

import io.storeops.contracts.NotYetEmitted;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The refund ended without payment (withdrawn, return not shipped in time). */
@NotYetEmitted("refund-service, with the after-sale desk (issue 11)")
public record RefundClosed(String orderId, String storeId, String refundId, String reason, Instant closedAt)
        implements OrderScopedEvent {}

package io.storeops.contracts.events.refund;

import io.storeops.contracts.Money;
import io.storeops.contracts.NotYetEmitted;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** Money was paid back to the buyer. */
@NotYetEmitted("refund-service, with the after-sale desk (issue 11)")
public record RefundCompleted(String orderId, String storeId, String refundId, Money amount, Instant completedAt)
        implements OrderScopedEvent {}

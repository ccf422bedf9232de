package io.storeops.contracts.events.refund;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** Money was paid back to the buyer. */
public record RefundCompleted(String orderId, String storeId, String refundId, Money amount, Instant completedAt)
        implements OrderScopedEvent {}

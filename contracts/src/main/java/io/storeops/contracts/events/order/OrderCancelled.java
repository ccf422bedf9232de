package io.storeops.contracts.events.order;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The order is cancelled (by the buyer or by customer service) before dispatch. */
public record OrderCancelled(String orderId, String storeId, String reason, String cancelledBy, Instant cancelledAt)
        implements OrderScopedEvent {}

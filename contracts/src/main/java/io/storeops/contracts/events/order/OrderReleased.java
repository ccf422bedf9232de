package io.storeops.contracts.events.order;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** Review is done: the order may ship. */
public record OrderReleased(String orderId, String storeId, String releasedBy, String comment, Instant releasedAt)
        implements OrderScopedEvent {}

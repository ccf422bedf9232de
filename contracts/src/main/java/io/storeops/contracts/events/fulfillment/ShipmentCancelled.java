package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The shipment will not go out: intercepted by a refund, or the order was cancelled. */
public record ShipmentCancelled(String orderId, String storeId, String shipmentId, String reason, Instant cancelledAt)
        implements OrderScopedEvent {}

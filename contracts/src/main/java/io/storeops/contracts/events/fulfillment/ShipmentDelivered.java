package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The carrier reports the parcel delivered. */
public record ShipmentDelivered(String orderId, String storeId, String shipmentId, Instant deliveredAt)
        implements OrderScopedEvent {}

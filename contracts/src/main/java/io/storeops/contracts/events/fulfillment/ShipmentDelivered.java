package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.NotYetEmitted;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The carrier reports the parcel delivered. */
@NotYetEmitted("fulfillment-service, with carrier tracking (issue 10)")
public record ShipmentDelivered(String orderId, String storeId, String shipmentId, Instant deliveredAt)
        implements OrderScopedEvent {}

package io.storeops.contracts.events;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The carrier reports a problem with the parcel (lost, damaged, refused, address unknown...). */
public record ShipmentException(
        String orderId,
        String storeId,
        String shipmentId,
        String kind,
        String detail,
        Instant reportedAt) implements OrderScopedEvent {
}

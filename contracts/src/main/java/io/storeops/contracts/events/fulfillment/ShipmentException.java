package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.NotYetEmitted;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** The carrier reports a problem with the parcel (lost, damaged, refused, address unknown...). */
@NotYetEmitted("fulfillment-service, with carrier tracking (issue 10)")
public record ShipmentException(
        String orderId, String storeId, String shipmentId, String kind, String detail, Instant reportedAt)
        implements OrderScopedEvent {}

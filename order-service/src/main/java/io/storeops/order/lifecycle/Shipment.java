package io.storeops.order.lifecycle;

import java.time.Instant;

/** What order-service knows of the order's shipment, from fulfillment's events. */
public record Shipment(String shipmentId, String carrier, String trackingNumber, Instant dispatchedAt, Instant deliveredAt) {
}

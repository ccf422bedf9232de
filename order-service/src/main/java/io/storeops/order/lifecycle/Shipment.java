package io.storeops.order.lifecycle;

import java.time.Instant;

/**
 * What order-service knows of the order's shipment, from fulfillment's events.
 *
 * @param exception    the carrier's latest report of trouble (lost, damaged, refused...), for CS to follow
 * @param cancelReason why the shipment will not go out, once fulfilment cancelled it
 */
public record Shipment(
        String shipmentId,
        String carrier,
        String trackingNumber,
        Instant dispatchedAt,
        Instant deliveredAt,
        CarrierException exception,
        String cancelReason,
        Instant cancelledAt) {

    /** A problem the carrier reported with the parcel. */
    public record CarrierException(String kind, String detail, Instant reportedAt) {}

    static Shipment created(String shipmentId) {
        return new Shipment(shipmentId, null, null, null, null, null, null, null);
    }

    Shipment dispatched(String byCarrier, String tracking, Instant at) {
        return new Shipment(shipmentId, byCarrier, tracking, at, deliveredAt, exception, cancelReason, cancelledAt);
    }

    Shipment delivered(Instant at) {
        return new Shipment(
                shipmentId, carrier, trackingNumber, dispatchedAt, at, exception, cancelReason, cancelledAt);
    }

    Shipment withException(CarrierException reported) {
        return new Shipment(
                shipmentId, carrier, trackingNumber, dispatchedAt, deliveredAt, reported, cancelReason, cancelledAt);
    }

    Shipment cancelled(String reason, Instant at) {
        return new Shipment(shipmentId, carrier, trackingNumber, dispatchedAt, deliveredAt, exception, reason, at);
    }
}

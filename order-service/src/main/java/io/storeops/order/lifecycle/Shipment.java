package io.storeops.order.lifecycle;

import io.storeops.contracts.ItemQuantity;
import java.time.Instant;
import java.util.List;

/**
 * One parcel of the order, as fulfilment's events tell it. An order has one, or two when its store
 * ships what is in stock and sends what was short after it (a partial shipment); an exchange adds
 * the replacement fulfilment sends for it, which is no part of how far the order has come.
 *
 * @param lines          what the parcel carries, per SKU, as fulfilment last said (at creation, then at dispatch)
 * @param exception      the carrier's latest report of trouble (lost, damaged, refused...), for CS to follow
 * @param cancelReason   why the parcel will not go out, once fulfilment cancelled it
 * @param replacementFor on a replacement: the exchange (after-sale case) it is sent for; absent for the
 *     order's own parcels
 */
public record Shipment(
        String shipmentId,
        List<ItemQuantity> lines,
        String carrier,
        String trackingNumber,
        Instant dispatchedAt,
        Instant deliveredAt,
        CarrierException exception,
        String cancelReason,
        Instant cancelledAt,
        String replacementFor) {

    /** A problem the carrier reported with the parcel. */
    public record CarrierException(String kind, String detail, Instant reportedAt) {}

    public Shipment {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    static Shipment created(String shipmentId, List<ItemQuantity> lines, String replacementFor) {
        return new Shipment(shipmentId, lines, null, null, null, null, null, null, null, replacementFor);
    }

    /** Whether the parcel carries an exchange's replacement rather than what the order was paid for. */
    boolean isReplacement() {
        return replacementFor != null;
    }

    /** Created, and neither dispatched nor cancelled yet. */
    boolean stillToGo() {
        return dispatchedAt == null && cancelledAt == null;
    }

    boolean carries(String sku) {
        return lines.stream().anyMatch(line -> line.sku().equals(sku));
    }

    /** The units the parcel carries. */
    int units() {
        return lines.stream().mapToInt(ItemQuantity::quantity).sum();
    }

    Shipment dispatched(String byCarrier, String tracking, List<ItemQuantity> sent, Instant at) {
        return new Shipment(
                shipmentId,
                sent.isEmpty() ? lines : sent,
                byCarrier,
                tracking,
                at,
                deliveredAt,
                exception,
                cancelReason,
                cancelledAt,
                replacementFor);
    }

    Shipment delivered(Instant at) {
        return new Shipment(
                shipmentId,
                lines,
                carrier,
                trackingNumber,
                dispatchedAt,
                at,
                exception,
                cancelReason,
                cancelledAt,
                replacementFor);
    }

    Shipment withException(CarrierException reported) {
        return new Shipment(
                shipmentId,
                lines,
                carrier,
                trackingNumber,
                dispatchedAt,
                deliveredAt,
                reported,
                cancelReason,
                cancelledAt,
                replacementFor);
    }

    Shipment cancelled(String reason, Instant at) {
        return new Shipment(
                shipmentId,
                lines,
                carrier,
                trackingNumber,
                dispatchedAt,
                deliveredAt,
                exception,
                reason,
                at,
                replacementFor);
    }
}

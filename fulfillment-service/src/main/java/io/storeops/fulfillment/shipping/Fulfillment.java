package io.storeops.fulfillment.shipping;

import io.storeops.contracts.Address;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fulfilment of one order: its shipment, from creation to the carrier. One document per
 * order, so all of an order's shipment events carry one increasing sequence.
 */
public record Fulfillment(
        String orderId,
        String storeId,
        String shipmentId,
        ShipmentStatus status,
        List<ItemQuantity> lines,
        Address address,
        String requestedCarrier,
        SellerMemo sellerMemo,
        Instant createdAt,
        String carrier,
        String trackingNumber,
        String dispatchedBy,
        Instant dispatchedAt) {

    /**
     * The seller's memo from the order: the carrier the shop chose (it outranks the buyer's
     * request) and the buyer's wishes, for the warehouse's documents.
     */
    public record SellerMemo(String carrier, String note) {}

    /** Why a shipment was cancelled, as carried by ShipmentCancelled. */
    public static final String ORDER_CANCELLED = "ORDER_CANCELLED";

    private static final String SHIPMENT_PREFIX = "shp-";
    private static final Pattern TRACKING_NUMBER = Pattern.compile("^[A-Za-z0-9-]{4,40}$");

    public Fulfillment {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Shipment ids are derived from the order id, so a scanned slip leads straight to the order's document. */
    public static String shipmentIdFor(String orderId) {
        return SHIPMENT_PREFIX + orderId;
    }

    public static Optional<String> orderIdOf(String shipmentId) {
        return shipmentId != null
                        && shipmentId.startsWith(SHIPMENT_PREFIX)
                        && shipmentId.length() > SHIPMENT_PREFIX.length()
                ? Optional.of(shipmentId.substring(SHIPMENT_PREFIX.length()))
                : Optional.empty();
    }

    /** A paid order gets its shipment, ready for the warehouse. */
    public static Change<Fulfillment> forPaidOrder(Optional<Fulfillment> current, OrderPaid paid, Instant now) {
        if (current.isPresent()) {
            return Change.none();
        }
        List<ItemQuantity> lines = paid.lines().stream()
                .map(line -> new ItemQuantity(line.sku() == null ? line.title() : line.sku(), line.quantity()))
                .toList();
        String shipmentId = shipmentIdFor(paid.orderId());
        ShipmentStatus status = paid.holds().isEmpty() ? ShipmentStatus.READY : ShipmentStatus.ON_HOLD;
        Fulfillment created = new Fulfillment(
                paid.orderId(),
                paid.storeId(),
                shipmentId,
                status,
                lines,
                paid.shippingAddress(),
                paid.requestedCarrier(),
                null,
                now,
                null,
                null,
                null,
                null);
        return Change.of(created, new ShipmentCreated(paid.orderId(), paid.storeId(), shipmentId, lines, now));
    }

    /**
     * The order was cancelled: a shipment still waiting will not go out. One already dispatched
     * stays as it is; the order side refuses such a cancellation and sends the buyer to a refund.
     */
    public Change<Fulfillment> orderCancelled(Instant at) {
        if (status != ShipmentStatus.READY && status != ShipmentStatus.ON_HOLD) {
            return Change.none();
        }
        return Change.of(
                copy(ShipmentStatus.CANCELLED, address, sellerMemo),
                new ShipmentCancelled(orderId, storeId, shipmentId, ORDER_CANCELLED, at));
    }

    /** Customer service corrected the address: a shipment still in the warehouse goes to the new one. */
    public Change<Fulfillment> addressChanged(Address corrected) {
        if ((status != ShipmentStatus.READY && status != ShipmentStatus.ON_HOLD) || corrected.equals(address)) {
            return Change.none();
        }
        return Change.of(copy(status, corrected, sellerMemo));
    }

    /** The order went into review: a waiting shipment must not go out until it is released. */
    public Change<Fulfillment> orderHeld() {
        return status == ShipmentStatus.READY
                ? Change.of(copy(ShipmentStatus.ON_HOLD, address, sellerMemo))
                : Change.none();
    }

    /** Review is done: the shipment waits for the warehouse again. */
    public Change<Fulfillment> orderReleased() {
        return status == ShipmentStatus.ON_HOLD
                ? Change.of(copy(ShipmentStatus.READY, address, sellerMemo))
                : Change.none();
    }

    /** Customer service wrote the seller's memo: a shipment still in the warehouse takes it whole. */
    public Change<Fulfillment> sellerMemoChanged(String carrier, String note) {
        SellerMemo memo = new SellerMemo(carrier, note);
        if ((status != ShipmentStatus.READY && status != ShipmentStatus.ON_HOLD) || memo.equals(sellerMemo)) {
            return Change.none();
        }
        return Change.of(copy(status, address, memo));
    }

    /** The carrier the parcel should go with: the shop's choice in the seller's memo, else the buyer's request. */
    public String carrierToUse() {
        return sellerMemo != null && sellerMemo.carrier() != null ? sellerMemo.carrier() : requestedCarrier;
    }

    /** This shipment before dispatch, with a new status, address or memo. */
    private Fulfillment copy(ShipmentStatus newStatus, Address newAddress, SellerMemo newMemo) {
        return new Fulfillment(
                orderId,
                storeId,
                shipmentId,
                newStatus,
                lines,
                newAddress,
                requestedCarrier,
                newMemo,
                createdAt,
                carrier,
                trackingNumber,
                dispatchedBy,
                dispatchedAt);
    }

    /**
     * The warehouse hands the parcel to the carrier. Dispatching again with the same carrier and
     * tracking number is a harmless repeat; anything else on a dispatched shipment is a conflict.
     */
    public Change<Fulfillment> dispatch(String newCarrier, String newTrackingNumber, String by, Instant at) {
        if (newCarrier == null || newCarrier.isBlank() || newCarrier.length() > 40) {
            throw new IllegalArgumentException("carrier is required (at most 40 characters)");
        }
        if (newTrackingNumber == null
                || !TRACKING_NUMBER.matcher(newTrackingNumber).matches()) {
            throw new IllegalArgumentException("trackingNumber must be 4 to 40 letters, digits or '-'");
        }
        if (status == ShipmentStatus.CANCELLED) {
            throw new ShipmentConflict(
                    status, "Shipment " + shipmentId + " is cancelled with its order: do not ship it.");
        }
        if (status == ShipmentStatus.ON_HOLD) {
            throw new ShipmentConflict(
                    status, "Shipment " + shipmentId + " is held for customer service review: wait for its release.");
        }
        if (status == ShipmentStatus.DISPATCHED) {
            if (newCarrier.equals(carrier) && newTrackingNumber.equals(trackingNumber)) {
                return Change.none();
            }
            throw new ShipmentConflict(
                    status,
                    "Shipment " + shipmentId + " was already dispatched with " + carrier + " " + trackingNumber + ".");
        }
        Fulfillment dispatched = new Fulfillment(
                orderId,
                storeId,
                shipmentId,
                ShipmentStatus.DISPATCHED,
                lines,
                address,
                requestedCarrier,
                sellerMemo,
                createdAt,
                newCarrier,
                newTrackingNumber,
                by,
                at);
        return Change.of(
                dispatched,
                new ShipmentDispatched(
                        orderId, storeId, shipmentId, newCarrier, newTrackingNumber, null, lines, by, at));
    }
}

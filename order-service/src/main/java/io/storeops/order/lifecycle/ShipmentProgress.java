package io.storeops.order.lifecycle;

import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.order.lifecycle.TimelineEntry.Kind;
import io.storeops.platform.outbox.Change;
import java.time.Instant;

/** What fulfilment's events about the parcel do to an order: created, dispatched, delivered, in trouble, cancelled. */
public final class ShipmentProgress {

    private ShipmentProgress() {}

    /**
     * Fulfilment created the shipment: staff can find it from now on, and a paid order is ready for
     * the warehouse (a held one stays held, but still learns its shipment).
     */
    public static Change<Order> created(Order order, String shipmentId, Instant at) {
        if (order.shipment() != null) {
            return Change.none();
        }
        Progress next = OrderLifecycle.next(order.progress(), order.status(), OrderCommand.SHIPMENT_READY)
                .orElse(order.progress());
        return Change.of(order.edit(draft -> {
            draft.progress = next;
            draft.shipment = Shipment.created(shipmentId);
            draft.log(at, Kind.SHIPMENT_CREATED, Order.FULFILMENT, shipmentId);
        }));
    }

    /**
     * The warehouse dispatched the parcel: the order is shipped, with carrier and tracking number.
     * A parcel dispatched although the order was cancelled is a fact too: it is kept on the order
     * and its timeline for customer service to intercept, and the order stays cancelled.
     */
    public static Change<Order> dispatched(Order order, ShipmentDispatched dispatch) {
        Shipment sent = shipmentOf(order, dispatch.shipmentId())
                .dispatched(dispatch.carrier(), dispatch.trackingNumber(), dispatch.dispatchedAt());
        String parcel = dispatch.carrier() + " " + dispatch.trackingNumber();
        if (order.progress() == Progress.CANCELLED) {
            if (order.shipment() != null && order.shipment().dispatchedAt() != null) {
                return Change.none();
            }
            return Change.of(order.edit(draft -> {
                draft.shipment = sent;
                draft.log(
                        dispatch.dispatchedAt(),
                        Kind.DISPATCHED_AFTER_CANCELLATION,
                        dispatch.dispatchedBy(),
                        parcel + ": the order was cancelled, ask the carrier to intercept the parcel");
            }));
        }
        return order.apply(OrderCommand.DISPATCH_ALL, order.edit(draft -> {
            draft.shipment = sent;
            draft.stockOut = StockOut.closed(order.stockOut());
            draft.log(
                    dispatch.dispatchedAt(),
                    Kind.DISPATCHED,
                    dispatch.dispatchedBy(),
                    order.progress() != Progress.ON_HOLD
                            ? parcel
                            : parcel + " while held for review (" + String.join(", ", HoldReason.names(order.holds()))
                                    + "): check with the buyer");
        }));
    }

    /** The carrier delivered the parcel. */
    public static Change<Order> delivered(Order order, Instant deliveredAt) {
        return order.apply(OrderCommand.DELIVER, order.edit(draft -> {
            draft.shipment = shipmentOf(order, null).delivered(deliveredAt);
            draft.log(deliveredAt, Kind.DELIVERED, carrierOrFulfilment(order), "");
        }));
    }

    /**
     * The carrier reports trouble with the parcel (abnormal express): customer service follows it
     * up. The order's progress is unchanged; the latest report shows on the shipment.
     */
    public static Change<Order> exception(Order order, ShipmentException reported) {
        Shipment.CarrierException exception =
                new Shipment.CarrierException(reported.kind(), reported.detail(), reported.reportedAt());
        if (order.shipment() != null && exception.equals(order.shipment().exception())) {
            return Change.none();
        }
        return Change.of(order.edit(draft -> {
            draft.shipment = shipmentOf(order, reported.shipmentId()).withException(exception);
            draft.log(
                    reported.reportedAt(),
                    Kind.SHIPMENT_EXCEPTION,
                    carrierOrFulfilment(order),
                    reported.kind() + (reported.detail() == null ? "" : ": " + reported.detail()));
        }));
    }

    /** Fulfilment will not send the shipment (the order was cancelled, or a refund intercepted it). */
    public static Change<Order> cancelled(Order order, ShipmentCancelled cancelled) {
        if (order.shipment() != null && order.shipment().cancelledAt() != null) {
            return Change.none();
        }
        return Change.of(order.edit(draft -> {
            draft.shipment =
                    shipmentOf(order, cancelled.shipmentId()).cancelled(cancelled.reason(), cancelled.cancelledAt());
            draft.log(cancelled.cancelledAt(), Kind.SHIPMENT_CANCELLED, Order.FULFILMENT, cancelled.reason());
        }));
    }

    private static Shipment shipmentOf(Order order, String shipmentId) {
        return order.shipment() == null ? Shipment.created(shipmentId) : order.shipment();
    }

    private static String carrierOrFulfilment(Order order) {
        return order.shipment() == null || order.shipment().carrier() == null
                ? Order.FULFILMENT
                : order.shipment().carrier();
    }
}

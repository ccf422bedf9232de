package io.storeops.order.lifecycle;

import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDelivered;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.order.lifecycle.TimelineEntry.Kind;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What fulfilment's events about the order's parcels do to it: created, dispatched, delivered, in
 * trouble, cancelled. An order whose store split it into two parcels is partially shipped once one
 * left and the other may still go; shipped when nothing more will go; delivered when every parcel
 * that left arrived. A replacement sent for an exchange is kept on the order and its timeline, but
 * never moves it: it sends again units the order counted as sent already.
 */
public final class ShipmentProgress {

    private ShipmentProgress() {}

    /**
     * Fulfilment created a parcel: staff can find it from now on, and a paid order is ready for the
     * warehouse (a held one stays held, but still learns its parcel).
     */
    public static Change<Order> created(Order order, ShipmentCreated created) {
        if (parcelOf(order, created.shipmentId()).isPresent()) {
            return Change.none();
        }
        Shipment parcel = Shipment.created(created.shipmentId(), created.lines(), created.replacementFor());
        if (parcel.isReplacement()) {
            return replacementNews(
                    order,
                    parcel,
                    created.createdAt(),
                    Kind.REPLACEMENT_CREATED,
                    Order.FULFILMENT,
                    created.shipmentId());
        }
        Progress next = OrderLifecycle.next(order.progress(), order.status(), OrderCommand.SHIPMENT_READY)
                .orElse(order.progress());
        List<Shipment> parcels = new ArrayList<>(order.parcels());
        parcels.add(parcel);
        return Change.of(order.edit(draft -> {
            draft.progress = next;
            draft.parcels = parcels;
            draft.log(created.createdAt(), Kind.SHIPMENT_CREATED, Order.FULFILMENT, created.shipmentId());
        }));
    }

    /**
     * The warehouse dispatched a parcel: the order is shipped, with carrier and tracking number, or
     * partially shipped while another parcel may still go. A parcel dispatched although the order
     * was cancelled is a fact too: it is kept on the order and its timeline for customer service to
     * intercept, and the order stays cancelled.
     */
    public static Change<Order> dispatched(Order order, ShipmentDispatched dispatch) {
        Shipment parcel = parcelOrNew(order, dispatch.shipmentId());
        if (parcel.dispatchedAt() != null) {
            return Change.none();
        }
        Shipment sent = parcel.dispatched(
                dispatch.carrier(), dispatch.trackingNumber(), dispatch.lines(), dispatch.dispatchedAt());
        String label = dispatch.carrier() + " " + dispatch.trackingNumber();
        if (sent.isReplacement()) {
            // the exchange ends as its replacement leaves, as the refund desk has it too
            return replacementNews(
                            order,
                            sent,
                            dispatch.dispatchedAt(),
                            Kind.REPLACEMENT_DISPATCHED,
                            dispatch.dispatchedBy(),
                            label)
                    .andThen(recorded -> recorded.afterSaleCaseMoved(
                            sent.replacementFor(), null, "COMPLETED", null, dispatch.dispatchedAt()));
        }
        if (order.progress() == Progress.CANCELLED) {
            return Change.of(order.edit(draft -> {
                draft.parcels = replaced(order, sent);
                draft.log(
                        dispatch.dispatchedAt(),
                        Kind.DISPATCHED_AFTER_CANCELLATION,
                        dispatch.dispatchedBy(),
                        label + ": the order was cancelled, ask the carrier to intercept the parcel");
            }));
        }
        Order withParcel = order.edit(draft -> draft.parcels = replaced(order, sent));
        boolean everything = nothingMoreGoes(withParcel);
        Order recorded = withParcel.edit(draft -> draft.log(
                dispatch.dispatchedAt(),
                Kind.DISPATCHED,
                dispatch.dispatchedBy(),
                label
                        + (everything ? "" : " (part of the order: the rest follows)")
                        + (order.progress() != Progress.ON_HOLD
                                ? ""
                                : " while held for review ("
                                        + String.join(", ", HoldReason.names(order.holds()))
                                        + "): check with the buyer")));
        return settled(recorded);
    }

    /** The carrier delivered a parcel; the order is delivered once every parcel that left arrived and no other goes. */
    public static Change<Order> delivered(Order order, ShipmentDelivered delivered) {
        Shipment parcel = parcelOrNew(order, delivered.shipmentId());
        if (parcel.deliveredAt() != null) {
            return Change.none();
        }
        if (parcel.isReplacement()) {
            return replacementNews(
                    order,
                    parcel.delivered(delivered.deliveredAt()),
                    delivered.deliveredAt(),
                    Kind.REPLACEMENT_DELIVERED,
                    reporter(parcel),
                    delivered.shipmentId());
        }
        Order recorded = order.edit(draft -> {
            draft.parcels = replaced(order, parcel.delivered(delivered.deliveredAt()));
            draft.log(
                    delivered.deliveredAt(),
                    Kind.DELIVERED,
                    reporter(parcel),
                    parcels(order) ? delivered.shipmentId() : "");
        });
        return order.progress() == Progress.CANCELLED ? Change.of(recorded) : settled(recorded);
    }

    /**
     * The carrier reports trouble with a parcel (abnormal express): customer service follows it up.
     * The order's progress is unchanged; the latest report shows on the parcel.
     */
    public static Change<Order> exception(Order order, ShipmentException reported) {
        Shipment.CarrierException exception =
                new Shipment.CarrierException(reported.kind(), reported.detail(), reported.reportedAt());
        Shipment parcel = parcelOrNew(order, reported.shipmentId());
        if (exception.equals(parcel.exception())) {
            return Change.none();
        }
        return Change.of(order.edit(draft -> {
            draft.parcels = replaced(order, parcel.withException(exception));
            draft.log(
                    reported.reportedAt(),
                    Kind.SHIPMENT_EXCEPTION,
                    reporter(parcel),
                    reported.kind() + (reported.detail() == null ? "" : ": " + reported.detail()) + replacing(parcel));
        }));
    }

    /**
     * Fulfilment will not send a parcel (the order was cancelled, or a refund intercepted it). When
     * the other parcel of a split order left already, nothing more goes: the order is shipped.
     */
    public static Change<Order> cancelled(Order order, ShipmentCancelled cancelled) {
        Shipment parcel = parcelOrNew(order, cancelled.shipmentId());
        if (parcel.cancelledAt() != null) {
            return Change.none();
        }
        if (parcel.isReplacement()) {
            return replacementNews(
                    order,
                    parcel.cancelled(cancelled.reason(), cancelled.cancelledAt()),
                    cancelled.cancelledAt(),
                    Kind.REPLACEMENT_CANCELLED,
                    Order.FULFILMENT,
                    cancelled.reason());
        }
        Order recorded = order.edit(draft -> {
            draft.parcels = replaced(order, parcel.cancelled(cancelled.reason(), cancelled.cancelledAt()));
            draft.log(
                    cancelled.cancelledAt(),
                    Kind.SHIPMENT_CANCELLED,
                    Order.FULFILMENT,
                    cancelled.reason() + (parcels(order) ? " (" + cancelled.shipmentId() + ")" : ""));
        });
        return order.progress() == Progress.CANCELLED ? Change.of(recorded) : settled(recorded);
    }

    /**
     * News of a replacement: kept on its parcel and told on the timeline with the case it is sent
     * for, the order's progress left as it is.
     */
    private static Change<Order> replacementNews(
            Order order, Shipment replacement, Instant at, Kind what, String by, String detail) {
        return Change.of(order.edit(draft -> {
            draft.parcels = replaced(order, replacement);
            draft.log(at, what, by, detail + replacing(replacement));
        }));
    }

    /** What a timeline line about a replacement adds: the case it is sent for. */
    private static String replacing(Shipment parcel) {
        return parcel.isReplacement() ? " (replacement for case " + parcel.replacementFor() + ")" : "";
    }

    /** Who reports on a parcel: its carrier once it has one. */
    private static String reporter(Shipment parcel) {
        return parcel.carrier() == null ? Order.FULFILMENT : parcel.carrier();
    }

    /**
     * The order's progress as its parcels now say, the parcels kept whether or not it moves: once
     * something left, partially shipped or shipped; delivered when every parcel that left arrived
     * and nothing more goes. Once nothing more goes, the stock-out notice has nothing left to tell.
     */
    private static Change<Order> settled(Order recorded) {
        Progress progress = recorded.progress();
        List<Shipment> parcels = recorded.ownParcels();
        boolean anyLeft = parcels.stream().anyMatch(parcel -> parcel.dispatchedAt() != null);
        if (!anyLeft) {
            return Change.of(recorded);
        }
        boolean everything = nothingMoreGoes(recorded);
        progress = step(progress, recorded, everything ? OrderCommand.DISPATCH_ALL : OrderCommand.DISPATCH_PART);
        if (everything
                && parcels.stream()
                        .filter(parcel -> parcel.dispatchedAt() != null)
                        .allMatch(parcel -> parcel.deliveredAt() != null)) {
            progress = step(progress, recorded, OrderCommand.DELIVER);
        }
        Progress next = progress;
        return Change.of(recorded.edit(draft -> {
            draft.progress = next;
            if (everything) {
                draft.stockOut = StockOut.closed(recorded.stockOut());
            }
        }));
    }

    private static Progress step(Progress from, Order order, OrderCommand command) {
        return OrderLifecycle.next(from, order.status(), command).orElse(from);
    }

    /**
     * Whether no parcel of the order is still to go: none pending, and the parcels that left carry
     * every unit ordered, or one was cancelled (what it carried will not go), or one left without
     * saying what it carried. A second parcel fulfilment has not announced yet shows as units
     * missing. Replacements count for nothing here.
     */
    private static boolean nothingMoreGoes(Order order) {
        List<Shipment> parcels = order.ownParcels();
        if (parcels.stream().anyMatch(Shipment::stillToGo)) {
            return false;
        }
        List<Shipment> left =
                parcels.stream().filter(parcel -> parcel.dispatchedAt() != null).toList();
        int ordered = order.lines().stream().mapToInt(OrderLine::quantity).sum();
        return left.stream().mapToInt(Shipment::units).sum() >= ordered
                || left.stream().anyMatch(parcel -> parcel.lines().isEmpty())
                || parcels.stream().anyMatch(parcel -> parcel.cancelledAt() != null);
    }

    private static boolean parcels(Order order) {
        return order.parcels().size() > 1;
    }

    private static Optional<Shipment> parcelOf(Order order, String shipmentId) {
        return order.parcels().stream()
                .filter(parcel -> parcel.shipmentId().equals(shipmentId))
                .findFirst();
    }

    /** The parcel, or a new one when its creation has not been heard of (events of other parcels may come first). */
    private static Shipment parcelOrNew(Order order, String shipmentId) {
        return parcelOf(order, shipmentId).orElseGet(() -> Shipment.created(shipmentId, List.of(), null));
    }

    /** The order's parcels with {@code changed} in its place (added at the end when new). */
    private static List<Shipment> replaced(Order order, Shipment changed) {
        List<Shipment> parcels = new ArrayList<>(order.parcels());
        UnaryOperator<Shipment> swap = parcel -> parcel.shipmentId().equals(changed.shipmentId()) ? changed : parcel;
        parcels.replaceAll(swap);
        if (!parcels.contains(changed)) {
            parcels.add(changed);
        }
        return parcels;
    }
}

package io.storeops.order.lifecycle;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.events.OrderAddressChanged;
import io.storeops.contracts.events.OrderCancelled;
import io.storeops.contracts.events.OrderHeld;
import io.storeops.contracts.events.OrderPaid;
import io.storeops.contracts.events.OrderReleased;
import io.storeops.contracts.events.ShipmentDispatched;
import io.storeops.order.review.AddressCheck;
import io.storeops.order.review.HoldReason;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An order as the department works it. Each method decides one thing that happened to the order
 * through {@link OrderLifecycle} and returns the new state with the events that announce it, or no
 * change when the order already reflects it (which makes redeliveries and late messages harmless).
 *
 * @param status   derived from progress and refunds; stored so that staff can search by it
 * @param refunded money paid back so far (refund standing is part of the status)
 */
public record Order(
        String orderId,
        String storeId,
        String channel,
        String externalOrderId,
        Progress progress,
        OrderStatus status,
        List<OrderLine> lines,
        Money shippingFee,
        Money total,
        Money refunded,
        Instant paidAt,
        Address shippingAddress,
        String buyerNote,
        String requestedCarrier,
        Attribution attribution,
        Shipment shipment,
        Cancellation cancellation,
        List<HoldReason> holds,
        Release release,
        List<AddressChange> addressChanges) {

    /** Who cancelled the order, when and why. */
    public record Cancellation(String reason, String cancelledBy, Instant cancelledAt) {
    }

    /** Who last released the order from review, when, and what they noted. */
    public record Release(String releasedBy, String comment, Instant releasedAt) {
    }

    /** A correction of the shipping address: before and after, who and when (the audit trail). */
    public record AddressChange(Address from, Address to, String changedBy, Instant changedAt) {
    }

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
        addressChanges = addressChanges == null ? List.of() : List.copyOf(addressChanges);
        holds = holds == null ? List.of() : List.copyOf(holds);
        refunded = refunded == null ? Money.zero(total.currency()) : refunded;
        status = OrderStatus.of(progress, refunded.amountMinor(), total.amountMinor());
    }

    public static String idFor(String storeId, String externalOrderId) {
        return storeId + ":" + externalOrderId;
    }

    /**
     * The storefront reports the payment: the order exists from now on, paid. With hold reasons it
     * waits for review (OrderHeld); otherwise fulfilment may start.
     */
    public static Change<Order> receivePayment(Optional<Order> current, PaidOrder paid, Set<HoldReason> holdReasons) {
        if (current.isPresent()) {
            return current.get().apply(OrderCommand.PAY, current.get());
        }
        List<HoldReason> holds = List.copyOf(holdReasons);
        Progress progress = holds.isEmpty() ? Progress.PAID
                : OrderLifecycle.next(Progress.PAID, OrderStatus.PAID, OrderCommand.HOLD).orElseThrow();
        Order order = new Order(paid.orderId(), paid.storeId(), paid.channel(), paid.externalOrderId(), progress, null,
                paid.lines(), paid.shippingFee(), paid.total(), null, paid.paidAt(), paid.shippingAddress(), paid.buyerNote(),
                paid.requestedCarrier(), paid.attribution(), null, null, holds, null, null);
        OrderPaid announcement = new OrderPaid(order.orderId, order.storeId, order.channel, order.externalOrderId, order.lines,
                order.shippingFee, order.total, order.paidAt, order.shippingAddress, order.buyerNote, order.requestedCarrier,
                names(holds), order.attribution);
        return holds.isEmpty()
                ? Change.of(order, announcement)
                : Change.of(order, announcement, new OrderHeld(order.orderId, order.storeId, names(holds), order.paidAt));
    }

    /** A member of staff holds the order for review before it ships. */
    public Change<Order> hold(String by, String comment, Instant at) {
        List<HoldReason> withManual = new ArrayList<>(holds);
        withManual.add(HoldReason.MANUAL);
        Order held = edit(draft -> draft.holds = withManual);
        return apply(OrderCommand.HOLD, held, new OrderHeld(orderId, storeId, names(List.of(HoldReason.MANUAL)), at));
    }

    /**
     * Review is done: customer service releases the order with a comment; it is ready again if its
     * shipment exists, and every hold reason is cleared.
     */
    public Change<Order> releaseFromReview(String by, String comment, Instant at) {
        Optional<Progress> released = OrderLifecycle.next(progress, status, OrderCommand.RELEASE);
        if (released.isEmpty()) {
            return Change.none();
        }
        Progress next = shipment == null ? released.get()
                : OrderLifecycle.next(released.get(), OrderStatus.of(released.get(), 0, 1), OrderCommand.SHIPMENT_READY)
                        .orElse(released.get());
        Order order = edit(draft -> {
            draft.progress = next;
            draft.holds = List.of();
            draft.release = new Release(by, comment, at);
        });
        return Change.of(order, new OrderReleased(orderId, storeId, by, comment, at));
    }

    /**
     * Fulfilment created the shipment: staff can find it from now on, and a paid order is ready for
     * the warehouse (a held one stays held, but still learns its shipment).
     */
    public Change<Order> shipmentCreated(String shipmentId) {
        if (shipment != null) {
            return Change.none();
        }
        Progress next = OrderLifecycle.next(progress, status, OrderCommand.SHIPMENT_READY).orElse(progress);
        return Change.of(edit(draft -> {
            draft.progress = next;
            draft.shipment = new Shipment(shipmentId, null, null, null, null);
        }));
    }

    /** The warehouse dispatched the parcel: the order is shipped, with carrier and tracking number. */
    public Change<Order> dispatched(ShipmentDispatched dispatch) {
        return apply(OrderCommand.DISPATCH_ALL, edit(draft -> draft.shipment = new Shipment(dispatch.shipmentId(),
                dispatch.carrier(), dispatch.trackingNumber(), dispatch.dispatchedAt(), null)));
    }

    /** The carrier delivered the parcel. */
    public Change<Order> delivered(Instant deliveredAt) {
        Shipment known = shipment == null ? new Shipment(null, null, null, null, deliveredAt)
                : new Shipment(shipment.shipmentId(), shipment.carrier(), shipment.trackingNumber(), shipment.dispatchedAt(), deliveredAt);
        return apply(OrderCommand.DELIVER, edit(draft -> draft.shipment = known));
    }

    /**
     * Money went back to the buyer: the refunded amount grows (never beyond the total), and the
     * status shows the refund standing. Progress is untouched, so a delivered order stays delivered.
     */
    public Change<Order> refundCompleted(Money amount) {
        Money sum = refunded.plus(amount);
        Money capped = sum.isGreaterThan(total) ? total : sum;
        if (capped.equals(refunded)) {
            return Change.none();
        }
        return Change.of(edit(draft -> draft.refunded = capped));
    }

    /**
     * The buyer or customer service cancels the order before dispatch.
     *
     * @throws IllegalOrderTransition once the order is (partly) dispatched: that is a refund
     */
    public Change<Order> cancel(String reason, String cancelledBy, Instant at) {
        return apply(OrderCommand.CANCEL, edit(draft -> draft.cancellation = new Cancellation(reason, cancelledBy, at)),
                new OrderCancelled(orderId, storeId, reason, cancelledBy, at));
    }

    /**
     * After-sale customer service corrects the shipping address (核实或修改客户地址) before dispatch.
     * The corrected address must pass the address check; the change is kept with the order.
     *
     * @throws AddressRejected when the corrected address is still doubtful
     * @throws IllegalOrderTransition once the parcel has left the warehouse
     */
    public Change<Order> changeAddress(Address corrected, AddressCheck check, String by, Instant at) {
        if (!progress.isBeforeDispatch()) {
            throw new IllegalOrderTransition(status, "CHANGE_ADDRESS",
                    "The parcel is with the carrier: ask the carrier to redirect it, or open a refund.");
        }
        List<String> doubts = check.doubts(corrected, requestedCarrier);
        if (!doubts.isEmpty()) {
            throw new AddressRejected(doubts);
        }
        if (corrected.equals(shippingAddress)) {
            return Change.none();
        }
        List<AddressChange> audit = new ArrayList<>(addressChanges);
        audit.add(new AddressChange(shippingAddress, corrected, by, at));
        Order order = edit(draft -> {
            draft.shippingAddress = corrected;
            draft.addressChanges = audit;
        });
        return Change.of(order, new OrderAddressChanged(orderId, storeId, corrected, by, at));
    }

    /**
     * Runs {@code command} through the lifecycle from this order's progress. A move takes the
     * details of {@code updated} and announces {@code events}; a command already reflected changes
     * nothing, not even details, so a late message cannot overwrite newer facts.
     */
    private Change<Order> apply(OrderCommand command, Order updated, StoreOpsEvent... events) {
        return OrderLifecycle.next(progress, status, command)
                .map(next -> Change.of(updated.edit(draft -> draft.progress = next), events))
                .orElseGet(Change::none);
    }

    /** A copy of this order with {@code changes} applied to the fields that ever change. */
    private Order edit(Consumer<Draft> changes) {
        Draft draft = new Draft(this);
        changes.accept(draft);
        return new Order(orderId, storeId, channel, externalOrderId, draft.progress, null, lines, shippingFee, total,
                draft.refunded, paidAt, draft.shippingAddress, buyerNote, requestedCarrier, attribution, draft.shipment,
                draft.cancellation, draft.holds, draft.release, draft.addressChanges);
    }

    /** The changeable fields of an order while a decision edits them. */
    private static final class Draft {
        Progress progress;
        Money refunded;
        Address shippingAddress;
        Shipment shipment;
        Cancellation cancellation;
        List<HoldReason> holds;
        Release release;
        List<AddressChange> addressChanges;

        Draft(Order order) {
            progress = order.progress;
            refunded = order.refunded;
            shippingAddress = order.shippingAddress;
            shipment = order.shipment;
            cancellation = order.cancellation;
            holds = order.holds;
            release = order.release;
            addressChanges = order.addressChanges;
        }
    }

    private static List<String> names(List<HoldReason> reasons) {
        return reasons.stream().map(Enum::name).toList();
    }
}

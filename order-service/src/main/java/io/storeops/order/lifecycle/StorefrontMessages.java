package io.storeops.order.lifecycle;

import io.storeops.contracts.Address;
import io.storeops.contracts.events.order.OrderAddressChanged;
import io.storeops.contracts.events.order.OrderHeld;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.order.OrderPlaced;
import io.storeops.order.lifecycle.TimelineEntry.Kind;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the storefront's messages do to an order: placed, paid, changed or cancelled, as it says.
 * The storefront's own clock ({@link StorefrontOrder#updatedAt}) orders its messages about one
 * order, so an older message cannot undo a newer one.
 */
public final class StorefrontMessages {

    private static final String BUYER = "buyer";

    private StorefrontMessages() {}

    /**
     * A storefront message about an order: placed or paid, as it says; a message that moves a known
     * order no further may still carry a newer address ({@link #updated}).
     *
     * @param holdsIfPaid the review rules' reasons to hold the order, should it become paid now
     */
    public static Change<Order> receive(
            Optional<Order> current,
            StorefrontOrder told,
            Set<HoldReason> holdsIfPaid,
            AddressDoubts doubtsOf,
            Instant at) {
        Change<Order> progressed =
                told.paidAt() == null ? place(current, told) : receivePayment(current, told, holdsIfPaid);
        return progressed.isNone() && current.isPresent() ? updated(current.get(), told, doubtsOf, at) : progressed;
    }

    /**
     * The storefront reports an order that is not paid yet. A new order is announced (OrderPlaced);
     * an order still unpaid takes the storefront's newer details; any other order, or one that
     * applied a later message already, knows more than this one (paid before placed, or an old state
     * retried), so nothing changes.
     */
    public static Change<Order> place(Optional<Order> current, StorefrontOrder placed) {
        if (current.isEmpty()) {
            Order order = Order.placed(placed);
            return Change.of(
                    order.edit(draft -> draft.log(
                            placed.placedAt(),
                            Kind.PLACED,
                            placed.channel(),
                            placed.lines().size() + " line(s), total " + TimelineEntry.money(placed.total()))),
                    new OrderPlaced(
                            order.orderId(),
                            order.storeId(),
                            placed.channel(),
                            order.externalOrderId(),
                            order.lines(),
                            order.total(),
                            placed.attribution(),
                            order.placedAt()));
        }
        Order known = current.get();
        if (known.progress() != Progress.PLACED
                || knowsNewerThan(known, placed)
                || known.told().saysTheSameAs(placed)) {
            return Change.none();
        }
        return Change.of(known.edit(draft -> {
            take(draft, placed);
            draft.log(
                    placed.placedAt(),
                    Kind.DETAILS_UPDATED,
                    placed.channel(),
                    "total " + TimelineEntry.money(placed.total()));
        }));
    }

    /**
     * The storefront reports the payment. An order StoreOps never saw is placed and paid at once;
     * a placed order becomes paid with the payment's details. With hold reasons it waits for
     * review (OrderHeld); otherwise fulfilment may start. Anything later stays as it is.
     */
    public static Change<Order> receivePayment(
            Optional<Order> current, StorefrontOrder paid, Set<HoldReason> holdReasons) {
        if (current.isEmpty()) {
            return place(current, paid).andThen(placed -> pay(placed, paid, holdReasons));
        }
        return pay(current.get(), paid, holdReasons);
    }

    private static Change<Order> pay(Order known, StorefrontOrder paid, Set<HoldReason> holdReasons) {
        Optional<Progress> next = OrderLifecycle.next(known.progress(), known.status(), OrderCommand.PAY);
        if (next.isEmpty()) {
            return Change.none();
        }
        List<HoldReason> reasons = List.copyOf(holdReasons);
        List<String> reasonNames = HoldReason.names(reasons);
        Progress progressNow = reasons.isEmpty()
                ? next.get()
                : OrderLifecycle.next(next.get(), next.get(), OrderCommand.HOLD).orElseThrow();
        Order order = known.edit(draft -> {
            take(draft, paid);
            draft.progress = progressNow;
            draft.holds = reasons;
            draft.log(paid.paidAt(), Kind.PAID, paid.channel(), TimelineEntry.money(paid.total()));
            if (!reasons.isEmpty()) {
                draft.log(paid.paidAt(), Kind.HELD, Order.REVIEW_RULES, String.join(", ", reasonNames));
            }
        });
        OrderPaid announcement = new OrderPaid(
                order.orderId(),
                order.storeId(),
                paid.channel(),
                order.externalOrderId(),
                order.lines(),
                paid.shippingFee(),
                order.total(),
                order.paidAt(),
                order.shippingAddress(),
                paid.buyerNote(),
                paid.requestedCarrier(),
                reasonNames,
                paid.attribution(),
                order.sellerMemo() == null ? null : order.sellerMemo().carrier(),
                order.sellerMemo() == null ? null : order.sellerMemo().note(),
                paid.invoice());
        return reasons.isEmpty()
                ? Change.of(order, announcement)
                : Change.of(
                        order,
                        announcement,
                        new OrderHeld(order.orderId(), order.storeId(), reasonNames, order.paidAt()));
    }

    /** The storefront's facts about the order, as it last told them (placed when first placed), ship to its address. */
    private static void take(Order.Draft draft, StorefrontOrder told) {
        draft.told = told.placedFirstAt(draft.told.placedAt());
        draft.shippingAddress = told.shippingAddress();
    }

    /**
     * The storefront reports a newer state of an order StoreOps already took the payment of. The one
     * detail that matters after payment is the address (the buyer asked the shop to change it):
     * before dispatch the order and its shipment follow it, and a doubtful one goes to review;
     * afterwards the timeline tells customer service to have the carrier redirect the parcel. A
     * message older than the newest one applied changes nothing, and neither does one that repeats
     * the address the storefront told last, so a correction by customer service stands.
     */
    public static Change<Order> updated(Order known, StorefrontOrder told, AddressDoubts doubtsOf, Instant at) {
        Address address = told.shippingAddress();
        if (told.updatedAt() == null
                || knowsNewerThan(known, told)
                || address == null
                || address.equals(known.told().shippingAddress())
                || known.progress() == Progress.CANCELLED) {
            return Change.none();
        }
        StorefrontOrder toldNow = known.told().movedTo(address, told.updatedAt());
        if (!known.progress().hasGoodsInWarehouse()) {
            return Change.of(known.edit(draft -> {
                draft.told = toldNow;
                draft.log(
                        at,
                        Kind.ADDRESS_CHANGED_AFTER_DISPATCH,
                        told.channel(),
                        AddressChange.oneLine(address) + ": the parcel has left; ask the carrier to redirect it");
            }));
        }
        Change<Order> changed = Change.of(
                known.moveTo(address, told.channel(), at, true).edit(draft -> draft.told = toldNow),
                new OrderAddressChanged(known.orderId(), known.storeId(), address, told.channel(), at));
        List<AddressDoubt> doubts = doubtsOf.about(address, known.requestedCarrier());
        return doubts.isEmpty() || known.holds().contains(HoldReason.ADDRESS_CHECK)
                ? changed
                : changed.andThen(order -> order.holdFor(
                        HoldReason.ADDRESS_CHECK,
                        Order.REVIEW_RULES,
                        String.join("; ", AddressDoubt.texts(doubts)),
                        at));
    }

    /**
     * The storefront reports an order it cancelled. An order StoreOps never saw is recorded from the
     * message's details (placed, then cancelled), so the buyer's history is complete; the details
     * are read only then.
     */
    public static Change<Order> receiveCancellation(
            Optional<Order> current, Supplier<StorefrontOrder> detailsIfUnknown, String reason, Instant at) {
        return current.map(order -> cancelled(order, reason, at))
                .orElseGet(() -> place(current, detailsIfUnknown.get()).andThen(order -> cancelled(order, reason, at)));
    }

    /**
     * The storefront reports that it cancelled the order (Shopify: a fact, not a request). Before
     * dispatch the order is cancelled; afterwards the parcel is with the carrier, so the order
     * stays as it is and its timeline tells customer service to intercept the parcel or refund,
     * once, however often the storefront repeats it.
     */
    private static Change<Order> cancelled(Order known, String reason, Instant at) {
        if (known.progress().isBeforeDispatch() || known.progress() == Progress.CANCELLED) {
            return known.cancel(reason, BUYER, at);
        }
        if (known.timeline().stream().anyMatch(entry -> entry.what() == Kind.CANCELLED_AFTER_DISPATCH)) {
            return Change.none();
        }
        return Change.of(known.edit(draft -> draft.log(
                at,
                Kind.CANCELLED_AFTER_DISPATCH,
                BUYER,
                reason + ": the parcel has left; have the carrier intercept it or open a refund")));
    }

    /** Whether the order took a storefront message later than {@code told}, by the storefront's own clock. */
    private static boolean knowsNewerThan(Order known, StorefrontOrder told) {
        Instant newest = known.told().updatedAt();
        return told.updatedAt() != null && newest != null && !told.updatedAt().isAfter(newest);
    }
}

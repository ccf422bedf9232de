package io.storeops.order.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.events.OrderAddressChanged;
import io.storeops.contracts.events.OrderCancelled;
import io.storeops.contracts.events.OrderHeld;
import io.storeops.contracts.events.OrderPaid;
import io.storeops.contracts.events.OrderPlaced;
import io.storeops.contracts.events.OrderReleased;
import io.storeops.contracts.events.ShipmentCancelled;
import io.storeops.contracts.events.ShipmentDispatched;
import io.storeops.contracts.events.ShipmentException;
import io.storeops.contracts.events.StockShortage;
import io.storeops.order.lifecycle.TimelineEntry.Kind;
import io.storeops.order.review.AddressCheck;
import io.storeops.order.review.HoldReason;
import io.storeops.order.stockout.BuyerContact;
import io.storeops.order.stockout.StockOut;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * An order as the department works it. Each method decides one thing that happened to the order
 * through {@link OrderLifecycle} and returns the new state with the events that announce it, or no
 * change when the order already reflects it (which makes redeliveries and late messages harmless).
 * Every change also writes its line on the order's {@link #timeline}, in the same update.
 *
 * @param status     derived from progress and refunds; stored so that staff can search by it
 * @param refunded   money paid back so far (refund standing is part of the status)
 * @param refundIds  the refunds counted in {@code refunded}, so that each adds its money once whatever arrives twice
 * @param storefrontUpdatedAt the storefront's time of the newest change applied, so older messages cannot undo it
 * @param buyerTerms derived: what finds the order by buyer or recipient (names and their words, e-mail and
 *                   its parts, phone digits and their last four), normalized
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
        Money discount,
        Money tax,
        Money total,
        Money refunded,
        @JsonIgnore List<String> refundIds,
        List<String> discountCodes,
        Instant placedAt,
        Instant paidAt,
        Address shippingAddress,
        Buyer buyer,
        String buyerNote,
        List<NoteAttribute> noteAttributes,
        String requestedCarrier,
        Attribution attribution,
        Instant storefrontUpdatedAt,
        Shipment shipment,
        Cancellation cancellation,
        List<HoldReason> holds,
        Release release,
        List<AddressChange> addressChanges,
        StockOut stockOut,
        List<TimelineEntry> timeline,
        @JsonIgnore List<String> buyerTerms) {

    /** Who cancelled the order, when and why. */
    public record Cancellation(String reason, String cancelledBy, Instant cancelledAt) {
    }

    /** Who last released the order from review, when, and what they noted. */
    public record Release(String releasedBy, String comment, Instant releasedAt) {
    }

    /**
     * A correction of the shipping address: before and after, who and when (the audit trail).
     *
     * @param byStorefront whether the storefront changed it (the buyer or the shop's admin), not StoreOps staff
     */
    public record AddressChange(Address from, Address to, String changedBy, Instant changedAt, boolean byStorefront) {
    }

    private static final String REVIEW_RULES = "review rules";
    private static final String FULFILMENT = "fulfillment-service";
    private static final String BUYER = "buyer";
    /** The digits of a phone number customer service can ask a buyer for (手机尾号). */
    private static final int PHONE_TAIL = 4;
    static final int TIMELINE_LIMIT = 500;

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
        discountCodes = discountCodes == null ? List.of() : List.copyOf(discountCodes);
        refundIds = refundIds == null ? List.of() : List.copyOf(refundIds);
        noteAttributes = noteAttributes == null ? List.of() : List.copyOf(noteAttributes);
        addressChanges = addressChanges == null ? List.of() : List.copyOf(addressChanges);
        holds = holds == null ? List.of() : List.copyOf(holds);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        discount = discount == null ? Money.zero(total.currency()) : discount;
        tax = tax == null ? Money.zero(total.currency()) : tax;
        refunded = refunded == null ? Money.zero(total.currency()) : refunded;
        placedAt = placedAt == null ? paidAt : placedAt; // orders recorded before placing times were kept
        status = OrderStatus.of(progress, refunded.amountMinor(), total.amountMinor());
        buyerTerms = searchTerms(buyer, shippingAddress);
    }

    public static String idFor(String storeId, String externalOrderId) {
        return storeId + ":" + externalOrderId;
    }

    /**
     * A storefront message about an order: placed or paid, as it says; a message that moves a known
     * order no further may still carry a newer address ({@link #storefrontUpdated}).
     *
     * @param holdsIfPaid the review rules' reasons to hold the order, should it become paid now
     */
    public static Change<Order> receive(Optional<Order> current, StorefrontOrder told, Set<HoldReason> holdsIfPaid,
                                        AddressCheck check, Instant at) {
        Change<Order> progressed = told.paidAt() == null ? place(current, told) : receivePayment(current, told, holdsIfPaid);
        return progressed.isNone() && current.isPresent() ? current.get().storefrontUpdated(told, check, at) : progressed;
    }

    /**
     * The storefront reports an order that is not paid yet. A new order is announced (OrderPlaced);
     * an order still unpaid takes the storefront's newer details; any other order, or one that
     * applied a later message already, knows more than this one (paid before placed, or an old state
     * retried), so nothing changes.
     */
    public static Change<Order> place(Optional<Order> current, StorefrontOrder placed) {
        if (current.isEmpty()) {
            Order order = new Draft(placed).build();
            return Change.of(order.edit(draft -> draft.log(placed.placedAt(), Kind.PLACED, placed.channel(),
                            placed.lines().size() + " line(s), total " + show(placed.total()))),
                    new OrderPlaced(order.orderId, order.storeId, order.channel, order.externalOrderId, order.lines,
                            order.total, order.attribution, order.placedAt));
        }
        Order known = current.get();
        if (known.progress != Progress.PLACED || known.knowsNewerThan(placed) || known.hasDetailsOf(placed)) {
            return Change.none();
        }
        return Change.of(known.edit(draft -> {
            draft.take(placed);
            draft.log(placed.placedAt(), Kind.DETAILS_UPDATED, placed.channel(), "total " + show(placed.total()));
        }));
    }

    /**
     * The storefront reports the payment. An order StoreOps never saw is placed and paid at once;
     * a placed order becomes paid with the payment's details. With hold reasons it waits for
     * review (OrderHeld); otherwise fulfilment may start. Anything later stays as it is.
     */
    public static Change<Order> receivePayment(Optional<Order> current, StorefrontOrder paid, Set<HoldReason> holdReasons) {
        if (current.isEmpty()) {
            return place(current, paid).andThen(placed -> placed.pay(paid, holdReasons));
        }
        return current.get().pay(paid, holdReasons);
    }

    private Change<Order> pay(StorefrontOrder paid, Set<HoldReason> holdReasons) {
        Optional<Progress> next = OrderLifecycle.next(progress, status, OrderCommand.PAY);
        if (next.isEmpty()) {
            return Change.none();
        }
        List<HoldReason> reasons = List.copyOf(holdReasons);
        Progress progressNow = reasons.isEmpty() ? next.get()
                : OrderLifecycle.next(next.get(), OrderStatus.PAID, OrderCommand.HOLD).orElseThrow();
        Order order = edit(draft -> {
            draft.take(paid);
            draft.progress = progressNow;
            draft.holds = reasons;
            draft.log(paid.paidAt(), Kind.PAID, paid.channel(), show(paid.total()));
            if (!reasons.isEmpty()) {
                draft.log(paid.paidAt(), Kind.HELD, REVIEW_RULES, String.join(", ", names(reasons)));
            }
        });
        OrderPaid announcement = new OrderPaid(order.orderId, order.storeId, order.channel, order.externalOrderId, order.lines,
                order.shippingFee, order.total, order.paidAt, order.shippingAddress, order.buyerNote, order.requestedCarrier,
                names(reasons), order.attribution);
        return reasons.isEmpty()
                ? Change.of(order, announcement)
                : Change.of(order, announcement, new OrderHeld(order.orderId, order.storeId, names(reasons), order.paidAt));
    }

    /** A member of staff holds the order for review before it ships. */
    public Change<Order> hold(String by, String comment, Instant at) {
        return holdFor(HoldReason.MANUAL, by, HoldReason.MANUAL + ": " + comment, at);
    }

    private Change<Order> holdFor(HoldReason reason, String by, String detail, Instant at) {
        List<HoldReason> withReason = new ArrayList<>(holds);
        withReason.add(reason);
        Order held = edit(draft -> {
            draft.holds = withReason;
            draft.log(at, Kind.HELD, by, detail);
        });
        return apply(OrderCommand.HOLD, held, new OrderHeld(orderId, storeId, names(List.of(reason)), at));
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
            draft.log(at, Kind.RELEASED, by, comment);
        });
        return Change.of(order, new OrderReleased(orderId, storeId, by, comment, at));
    }

    /**
     * Fulfilment created the shipment: staff can find it from now on, and a paid order is ready for
     * the warehouse (a held one stays held, but still learns its shipment).
     */
    public Change<Order> shipmentCreated(String shipmentId, Instant at) {
        if (shipment != null) {
            return Change.none();
        }
        Progress next = OrderLifecycle.next(progress, status, OrderCommand.SHIPMENT_READY).orElse(progress);
        return Change.of(edit(draft -> {
            draft.progress = next;
            draft.shipment = Shipment.created(shipmentId);
            draft.log(at, Kind.SHIPMENT_CREATED, FULFILMENT, shipmentId);
        }));
    }

    /**
     * The warehouse dispatched the parcel: the order is shipped, with carrier and tracking number.
     * A parcel dispatched although the order was cancelled is a fact too: it is kept on the order
     * and its timeline for customer service to intercept, and the order stays cancelled.
     */
    public Change<Order> dispatched(ShipmentDispatched dispatch) {
        Shipment sent = shipmentOrCreated(dispatch.shipmentId())
                .dispatched(dispatch.carrier(), dispatch.trackingNumber(), dispatch.dispatchedAt());
        String parcel = dispatch.carrier() + " " + dispatch.trackingNumber();
        if (progress == Progress.CANCELLED) {
            if (shipment != null && shipment.dispatchedAt() != null) {
                return Change.none();
            }
            return Change.of(edit(draft -> {
                draft.shipment = sent;
                draft.log(dispatch.dispatchedAt(), Kind.DISPATCHED_AFTER_CANCELLATION, dispatch.dispatchedBy(),
                        parcel + ": the order was cancelled, ask the carrier to intercept the parcel");
            }));
        }
        return apply(OrderCommand.DISPATCH_ALL, edit(draft -> {
            draft.shipment = sent;
            draft.stockOut = StockOut.closed(stockOut);
            draft.log(dispatch.dispatchedAt(), Kind.DISPATCHED, dispatch.dispatchedBy(), progress != Progress.ON_HOLD ? parcel
                    : parcel + " while held for review (" + String.join(", ", names(holds)) + "): check with the buyer");
        }));
    }

    /** The carrier delivered the parcel. */
    public Change<Order> delivered(Instant deliveredAt) {
        return apply(OrderCommand.DELIVER, edit(draft -> {
            draft.shipment = shipmentOrCreated(null).delivered(deliveredAt);
            draft.log(deliveredAt, Kind.DELIVERED, carrierOrFulfilment(), "");
        }));
    }

    /**
     * The carrier reports trouble with the parcel (abnormal express): customer service follows it
     * up. The order's progress is unchanged; the latest report shows on the shipment.
     */
    public Change<Order> shipmentException(ShipmentException reported) {
        Shipment.CarrierException exception = new Shipment.CarrierException(reported.kind(), reported.detail(), reported.reportedAt());
        if (shipment != null && exception.equals(shipment.exception())) {
            return Change.none();
        }
        return Change.of(edit(draft -> {
            draft.shipment = shipmentOrCreated(reported.shipmentId()).withException(exception);
            draft.log(reported.reportedAt(), Kind.SHIPMENT_EXCEPTION, carrierOrFulfilment(),
                    reported.kind() + (reported.detail() == null ? "" : ": " + reported.detail()));
        }));
    }

    /** Fulfilment will not send the shipment (the order was cancelled, or a refund intercepted it). */
    public Change<Order> shipmentCancelled(ShipmentCancelled cancelled) {
        if (shipment != null && shipment.cancelledAt() != null) {
            return Change.none();
        }
        return Change.of(edit(draft -> {
            draft.shipment = shipmentOrCreated(cancelled.shipmentId()).cancelled(cancelled.reason(), cancelled.cancelledAt());
            draft.log(cancelled.cancelledAt(), Kind.SHIPMENT_CANCELLED, FULFILMENT, cancelled.reason());
        }));
    }

    /**
     * Money went back to the buyer: the refunded amount grows (never beyond the total), and the
     * status shows the refund standing. Progress is untouched, so a delivered order stays delivered.
     */
    public Change<Order> refundCompleted(String refundId, Money amount, Instant at) {
        Money sum = refunded.plus(amount);
        Money capped = sum.isGreaterThan(total) ? total : sum;
        if (refundIds.contains(refundId) || capped.equals(refunded)) {
            return Change.none();
        }
        return Change.of(edit(draft -> {
            draft.refunded = capped;
            List<String> counted = new ArrayList<>(draft.refundIds);
            counted.add(refundId);
            draft.refundIds = counted;
            draft.log(at, Kind.REFUNDED, "refund-service", show(amount) + " paid back, " + show(capped) + " in all");
        }));
    }

    /**
     * The buyer or customer service cancels the order before dispatch.
     *
     * @throws IllegalOrderTransition once the order is (partly) dispatched: that is a refund
     */
    public Change<Order> cancel(String reason, String cancelledBy, Instant at) {
        return apply(OrderCommand.CANCEL, edit(draft -> {
            draft.cancellation = new Cancellation(reason, cancelledBy, at);
            draft.holds = List.of(); // nothing is waiting for review any more
            draft.stockOut = StockOut.closed(stockOut);
            draft.log(at, Kind.CANCELLED, cancelledBy, reason);
        }), new OrderCancelled(orderId, storeId, reason, cancelledBy, at));
    }

    /**
     * The storefront reports a newer state of an order StoreOps already took the payment of. The one
     * detail that matters after payment is the address (the buyer asked the shop to change it):
     * before dispatch the order and its shipment follow it, and a doubtful one goes to review;
     * afterwards the timeline tells customer service to have the carrier redirect the parcel. A
     * message older than the newest one applied changes nothing, and neither does one that repeats
     * the address the storefront told last, so a correction by customer service stands.
     */
    public Change<Order> storefrontUpdated(StorefrontOrder told, AddressCheck check, Instant at) {
        Address address = told.shippingAddress();
        if (told.updatedAt() == null || knowsNewerThan(told) || address == null || address.equals(addressLastToldByStorefront()) || progress == Progress.CANCELLED) {
            return Change.none();
        }
        if (!progress.isBeforeDispatch()) {
            return Change.of(edit(draft -> {
                draft.storefrontUpdatedAt = told.updatedAt();
                draft.log(at, Kind.ADDRESS_CHANGED_AFTER_DISPATCH, told.channel(),
                        oneLine(address) + ": the parcel has left; ask the carrier to redirect it");
            }));
        }
        List<AddressChange> audit = new ArrayList<>(addressChanges);
        audit.add(new AddressChange(shippingAddress, address, told.channel(), at, true));
        Change<Order> changed = Change.of(edit(draft -> {
            draft.shippingAddress = address;
            draft.addressChanges = audit;
            draft.storefrontUpdatedAt = told.updatedAt();
            draft.log(at, Kind.ADDRESS_CHANGED, told.channel(), oneLine(shippingAddress) + " → " + oneLine(address));
        }), new OrderAddressChanged(orderId, storeId, address, told.channel(), at));
        List<String> doubts = check.doubts(address, requestedCarrier);
        return doubts.isEmpty() || holds.contains(HoldReason.ADDRESS_CHECK) ? changed
                : changed.andThen(order -> order.holdFor(HoldReason.ADDRESS_CHECK, REVIEW_RULES, String.join("; ", doubts), at));
    }

    /** The address as the storefront last told it: corrections by staff are not the storefront's word. */
    private Address addressLastToldByStorefront() {
        Address told = addressChanges.isEmpty() ? shippingAddress : addressChanges.get(0).from();
        for (AddressChange change : addressChanges) {
            if (change.byStorefront()) {
                told = change.to();
            }
        }
        return told;
    }

    /**
     * The storefront reports an order it cancelled. An order StoreOps never saw is recorded from the
     * message's details (placed, then cancelled), so the buyer's history is complete; the details
     * are read only then.
     */
    public static Change<Order> receiveCancellation(Optional<Order> current, Supplier<StorefrontOrder> detailsIfUnknown,
                                                    String reason, Instant at) {
        return current.map(order -> order.cancelledOnStorefront(reason, at))
                .orElseGet(() -> place(current, detailsIfUnknown.get()).andThen(order -> order.cancelledOnStorefront(reason, at)));
    }

    /**
     * The storefront reports that it cancelled the order (Shopify: a fact, not a request). Before
     * dispatch the order is cancelled; afterwards the parcel is with the carrier, so the order
     * stays as it is and its timeline tells customer service to intercept the parcel or refund,
     * once, however often the storefront repeats it.
     */
    private Change<Order> cancelledOnStorefront(String reason, Instant at) {
        if (progress.isBeforeDispatch() || progress == Progress.CANCELLED) {
            return cancel(reason, BUYER, at);
        }
        if (timeline.stream().anyMatch(entry -> entry.what() == Kind.CANCELLED_AFTER_DISPATCH)) {
            return Change.none();
        }
        return Change.of(edit(draft -> draft.log(at, Kind.CANCELLED_AFTER_DISPATCH, BUYER,
                reason + ": the parcel has left; have the carrier intercept it or open a refund")));
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
        audit.add(new AddressChange(shippingAddress, corrected, by, at, false));
        Order order = edit(draft -> {
            draft.shippingAddress = corrected;
            draft.addressChanges = audit;
            draft.log(at, Kind.ADDRESS_CHANGED, by, oneLine(shippingAddress) + " → " + oneLine(corrected));
        });
        return Change.of(order, new OrderAddressChanged(orderId, storeId, corrected, by, at));
    }

    /**
     * Fulfilment could not reserve stock for a line: the order is flagged and customer service must
     * tell the buyer (缺货通知). An order that has left the warehouse or was cancelled needs no call,
     * but the shortage is still on its timeline.
     */
    public Change<Order> stockShortage(StockShortage shortage) {
        StockOut.Shortage missing = new StockOut.Shortage(shortage.sku(), shortage.missingQuantity(), shortage.detectedAt());
        return Change.of(edit(draft -> {
            if (progress.isBeforeDispatch()) {
                draft.stockOut = StockOut.withShortage(stockOut, missing);
            }
            draft.log(shortage.detectedAt(), Kind.STOCK_SHORTAGE, FULFILMENT, shortage.missingQuantity() + " × " + shortage.sku()
                    + (progress.isBeforeDispatch() ? " missing: tell the buyer" : " missing"));
        }));
    }

    /**
     * Customer service tells the buyer about the stock-out and records how it went. The buyer
     * decided (wait, change item, cancel) closes the task; a cancellation cancels the order as any
     * other would, so it is refused once the parcel has left.
     *
     * @throws IllegalOrderTransition when the order has no open stock-out notice
     */
    public Change<Order> buyerContacted(BuyerContact contact) {
        if (stockOut == null || !stockOut.isOpen()) {
            throw new IllegalOrderTransition(status, "RECORD_BUYER_CONTACT", "The order has no open stock-out notice.");
        }
        Change<Order> recorded = Change.of(edit(draft -> {
            draft.stockOut = stockOut.withContact(contact);
            draft.log(contact.at(), Kind.BUYER_CONTACTED, contact.by(), contact.channel() + ", " + contact.outcome()
                    + (contact.note() == null ? "" : ": " + contact.note()));
        }));
        if (contact.outcome() != BuyerContact.Outcome.CANCEL) {
            return recorded;
        }
        String reason = "Out of stock (" + String.join(", ", stockOut.shortages().stream().map(StockOut.Shortage::sku)
                .distinct().toList()) + "): the buyer chose to cancel";
        return recorded.andThen(order -> order.cancel(reason, contact.by(), contact.at()));
    }

    /** Whether the order's storefront facts already are {@code facts} (a storefront resending what it sent). */
    private boolean hasDetailsOf(StorefrontOrder facts) {
        return equals(edit(draft -> {
            draft.take(facts);
            draft.storefrontUpdatedAt = storefrontUpdatedAt;
        }));
    }

    /** Whether the order took a storefront message later than {@code told}, by the storefront's own clock. */
    private boolean knowsNewerThan(StorefrontOrder told) {
        return told.updatedAt() != null && storefrontUpdatedAt != null && !told.updatedAt().isAfter(storefrontUpdatedAt);
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

    private Shipment shipmentOrCreated(String shipmentId) {
        return shipment == null ? Shipment.created(shipmentId) : shipment;
    }

    private String carrierOrFulfilment() {
        return shipment == null || shipment.carrier() == null ? FULFILMENT : shipment.carrier();
    }

    /** A copy of this order with {@code changes} applied. */
    private Order edit(Consumer<Draft> changes) {
        Draft draft = new Draft(this);
        changes.accept(draft);
        return draft.build();
    }

    /** An order's fields while a decision edits them; identity and derived fields are never set here. */
    private static final class Draft {
        final String storeId;
        final String channel;
        final String externalOrderId;
        Progress progress;
        List<OrderLine> lines;
        Money shippingFee;
        Money discount;
        Money tax;
        Money total;
        Money refunded;
        List<String> refundIds;
        List<String> discountCodes;
        Instant placedAt;
        Instant paidAt;
        Address shippingAddress;
        Buyer buyer;
        String buyerNote;
        List<NoteAttribute> noteAttributes;
        String requestedCarrier;
        Attribution attribution;
        Instant storefrontUpdatedAt;
        Shipment shipment;
        Cancellation cancellation;
        List<HoldReason> holds;
        Release release;
        List<AddressChange> addressChanges;
        StockOut stockOut;
        List<TimelineEntry> timeline;

        /** A new order from what the storefront told. */
        Draft(StorefrontOrder facts) {
            storeId = facts.storeId();
            channel = facts.channel();
            externalOrderId = facts.externalOrderId();
            progress = Progress.PLACED;
            timeline = List.of();
            take(facts);
        }

        Draft(Order order) {
            storeId = order.storeId;
            channel = order.channel;
            externalOrderId = order.externalOrderId;
            progress = order.progress;
            lines = order.lines;
            shippingFee = order.shippingFee;
            discount = order.discount;
            tax = order.tax;
            total = order.total;
            refunded = order.refunded;
            refundIds = order.refundIds;
            discountCodes = order.discountCodes;
            placedAt = order.placedAt;
            paidAt = order.paidAt;
            shippingAddress = order.shippingAddress;
            buyer = order.buyer;
            buyerNote = order.buyerNote;
            noteAttributes = order.noteAttributes;
            requestedCarrier = order.requestedCarrier;
            attribution = order.attribution;
            storefrontUpdatedAt = order.storefrontUpdatedAt;
            shipment = order.shipment;
            cancellation = order.cancellation;
            holds = order.holds;
            release = order.release;
            addressChanges = order.addressChanges;
            stockOut = order.stockOut;
            timeline = order.timeline;
        }

        /** The storefront's facts about the order, as it last told them (the placing time stays the first one). */
        void take(StorefrontOrder facts) {
            lines = facts.lines();
            shippingFee = facts.shippingFee();
            discount = facts.discount();
            tax = facts.tax();
            total = facts.total();
            discountCodes = facts.discountCodes();
            placedAt = placedAt == null ? facts.placedAt() : placedAt;
            paidAt = facts.paidAt();
            shippingAddress = facts.shippingAddress();
            buyer = facts.buyer();
            buyerNote = facts.buyerNote();
            noteAttributes = facts.noteAttributes();
            requestedCarrier = facts.requestedCarrier();
            attribution = facts.attribution();
            storefrontUpdatedAt = facts.updatedAt();
        }

        /**
         * Appends a timeline line. The timeline keeps its first line (how the order came) and the
         * latest ones up to {@link #TIMELINE_LIMIT}, so a storefront or carrier repeating itself
         * cannot grow an order document without bound.
         */
        void log(Instant at, Kind what, String by, String detail) {
            List<TimelineEntry> longer = new ArrayList<>(timeline);
            longer.add(new TimelineEntry(at, what, by, detail));
            if (longer.size() > TIMELINE_LIMIT) {
                longer.remove(1);
            }
            timeline = longer;
        }

        Order build() {
            return new Order(idFor(storeId, externalOrderId), storeId, channel, externalOrderId, progress, null, lines,
                    shippingFee, discount, tax, total, refunded, refundIds, discountCodes, placedAt, paidAt, shippingAddress, buyer,
                    buyerNote, noteAttributes, requestedCarrier, attribution, storefrontUpdatedAt, shipment, cancellation, holds, release,
                    addressChanges, stockOut, timeline, null);
        }
    }

    /**
     * What customer service may type to find the order: a whole name or one word of it (王芳 by its
     * surname 王), an e-mail or its part before or after the @, a phone number or its last four digits.
     */
    private static List<String> searchTerms(Buyer buyer, Address address) {
        Set<String> terms = new LinkedHashSet<>();
        if (buyer != null) {
            addName(terms, buyer.name());
            addEmail(terms, buyer.email());
            addPhone(terms, buyer.phone());
        }
        if (address != null) {
            addName(terms, address.name());
            addPhone(terms, address.phone());
        }
        return List.copyOf(terms);
    }

    private static void addName(Set<String> terms, String name) {
        String whole = searchTerm(name, false);
        if (whole == null) {
            return;
        }
        terms.add(whole);
        terms.addAll(List.of(whole.split(" ")));
        if (!whole.contains(" ") && Character.UnicodeScript.of(whole.codePointAt(0)) == Character.UnicodeScript.HAN) {
            terms.add(whole.substring(0, whole.offsetByCodePoints(0, 1))); // a Chinese name starts with its surname
        }
    }

    private static void addEmail(Set<String> terms, String email) {
        String whole = searchTerm(email, false);
        if (whole == null) {
            return;
        }
        terms.add(whole);
        int at = whole.lastIndexOf('@');
        if (at > 0) {
            terms.add(whole.substring(0, at));
            terms.add(whole.substring(at + 1));
        }
    }

    private static void addPhone(Set<String> terms, String phone) {
        String digits = searchTerm(phone, true);
        if (digits == null) {
            return;
        }
        terms.add(digits);
        if (digits.length() > PHONE_TAIL) {
            terms.add(digits.substring(digits.length() - PHONE_TAIL));
        }
    }

    /**
     * How a buyer's name, e-mail or phone is compared in searches: case and spacing ignored, phone
     * numbers by their digits. Null when nothing searchable is left.
     */
    public static String searchTerm(String value, boolean phone) {
        if (value == null) {
            return null;
        }
        String term = phone ? value.replaceAll("\\D", "") : value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return term.isEmpty() ? null : term;
    }

    private static String show(Money money) {
        return money.currency() + " " + money.toDecimal();
    }

    private static String oneLine(Address address) {
        if (address == null) {
            return "(none)";
        }
        return String.join(", ", Stream.of(address.name(), address.phone(), address.line1(), address.line2(), address.district(),
                address.city(), address.province(), address.postalCode(), address.country()).filter(part -> part != null && !part.isBlank()).toList());
    }

    private static List<String> names(List<HoldReason> reasons) {
        return reasons.stream().map(Enum::name).toList();
    }
}

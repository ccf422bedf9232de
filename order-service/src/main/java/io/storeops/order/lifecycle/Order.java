package io.storeops.order.lifecycle;

import io.storeops.contracts.Address;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderHeld;
import io.storeops.contracts.events.order.OrderReleased;
import io.storeops.order.lifecycle.TimelineEntry.Kind;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An order as the department works it: what the storefront said, and what happened to it since.
 * Each method decides one thing that happened to the order through {@link OrderLifecycle} and
 * returns the new state with the events that announce it, or no change when the order already
 * reflects it (which makes redeliveries and late messages harmless). Every change also writes its
 * line on the order's {@link #timeline}, in the same update. Storefront messages are decided by
 * {@link StorefrontMessages}, fulfilment's by {@link ShipmentProgress}, stock-out
 * notices and address corrections by their features (stockout, review).
 *
 * @param status          derived from progress and refunds; stored so that staff can search by it
 * @param told            the storefront's facts as of its newest message taken (the paid facts stay those paid,
 *                        the placing time the first one)
 * @param shippingAddress where the parcel goes now, after any correction by staff
 * @param parcels         the order's parcels in the order fulfilment created them: one, or two when split
 * @param buyerTerms      what finds the order by buyer or recipient, as search said at the last write ({@link SearchKeys})
 */
public record Order(
        String orderId,
        Progress progress,
        OrderStatus status,
        StorefrontOrder told,
        Address shippingAddress,
        List<AddressChange> addressChanges,
        Refunds refunds,
        List<Shipment> parcels,
        Cancellation cancellation,
        List<HoldReason> holds,
        Release release,
        StockOut stockOut,
        SellerMemo sellerMemo,
        List<ItemChange> itemChanges,
        List<TimelineEntry> timeline,
        List<String> buyerTerms) {

    /** Who cancelled the order, when and why. */
    public record Cancellation(String reason, String cancelledBy, Instant cancelledAt) {}

    /** Who last released the order from review, when, and what they noted. */
    public record Release(String releasedBy, String comment, Instant releasedAt) {}

    static final String REVIEW_RULES = "review rules";
    static final String FULFILMENT = "fulfillment-service";
    static final int TIMELINE_LIMIT = 500;

    public Order {
        addressChanges = addressChanges == null ? List.of() : List.copyOf(addressChanges);
        holds = holds == null ? List.of() : List.copyOf(holds);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        itemChanges = itemChanges == null ? List.of() : List.copyOf(itemChanges);
        parcels = parcels == null ? List.of() : List.copyOf(parcels);
        refunds = refunds == null ? Refunds.none(told.total().currency()) : refunds;
        status = OrderStatus.of(
                progress, refunds.refunded().amountMinor(), told.total().amountMinor());
        buyerTerms = buyerTerms == null ? List.of() : List.copyOf(buyerTerms);
    }

    /** Whether the units of {@code sku} left in a parcel of the order and no parcel still to go carries any. */
    public boolean hasLeft(String sku) {
        List<Shipment> own = ownParcels();
        return own.stream().filter(parcel -> parcel.dispatchedAt() != null).anyMatch(parcel -> parcel.carries(sku))
                && own.stream().filter(Shipment::stillToGo).noneMatch(parcel -> parcel.carries(sku));
    }

    /** The parcels of what the order was paid for: not the replacements sent for its exchanges. */
    List<Shipment> ownParcels() {
        return parcels.stream().filter(parcel -> !parcel.isReplacement()).toList();
    }

    /** A new order from the storefront's first message about it. */
    static Order placed(StorefrontOrder told) {
        return new Order(
                told.orderId(),
                Progress.PLACED,
                null,
                told,
                told.shippingAddress(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public static String idFor(String storeId, String externalOrderId) {
        return storeId + ":" + externalOrderId;
    }

    public String storeId() {
        return told.storeId();
    }

    public String externalOrderId() {
        return told.externalOrderId();
    }

    /** When the storefront first said the order was placed; later messages keep it. */
    public Instant placedAt() {
        return told.placedAt();
    }

    /** The lines to send: the storefront's, with customer service's item changes applied. */
    public List<OrderLine> lines() {
        if (itemChanges.isEmpty()) {
            return told.lines();
        }
        List<OrderLine> changed = new ArrayList<>(told.lines());
        for (ItemChange change : itemChanges) {
            // the storefront's line keeps its id: its later messages name the line, whatever it now holds
            changed.set(
                    change.lineIndex(),
                    new OrderLine(
                            change.toSku(),
                            change.toTitle(),
                            change.quantity(),
                            change.unitPriceAfter(),
                            changed.get(change.lineIndex()).lineId()));
        }
        return List.copyOf(changed);
    }

    public Money total() {
        return told.total();
    }

    public Money refunded() {
        return refunds.refunded();
    }

    public Instant paidAt() {
        return told.paidAt();
    }

    public String requestedCarrier() {
        return told.requestedCarrier();
    }

    /** A member of staff holds the order for review before it ships. */
    public Change<Order> hold(String by, String comment, Instant at) {
        return holdFor(HoldReason.MANUAL, by, HoldReason.MANUAL + ": " + comment, at);
    }

    Change<Order> holdFor(HoldReason reason, String by, String detail, Instant at) {
        List<HoldReason> withReason = new ArrayList<>(holds);
        withReason.add(reason);
        Order held = edit(draft -> {
            draft.holds = withReason;
            draft.log(at, Kind.HELD, by, detail);
        });
        return apply(OrderCommand.HOLD, held, new OrderHeld(orderId, storeId(), HoldReason.names(List.of(reason)), at));
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
        Progress ready = parcels.isEmpty()
                ? released.get()
                : OrderLifecycle.next(released.get(), released.get(), OrderCommand.SHIPMENT_READY)
                        .orElse(released.get());
        // a split order's first parcel may have left during review: the rest is still to go
        Progress next = parcels.stream().anyMatch(parcel -> parcel.dispatchedAt() != null)
                ? OrderLifecycle.next(ready, ready, OrderCommand.DISPATCH_PART).orElse(ready)
                : ready;
        Order order = edit(draft -> {
            draft.progress = next;
            draft.holds = List.of();
            draft.release = new Release(by, comment, at);
            draft.log(at, Kind.RELEASED, by, comment);
        });
        return Change.of(order, new OrderReleased(orderId, storeId(), by, comment, at));
    }

    /**
     * Money went back to the buyer: the refunded amount grows (never beyond the total), and the
     * status shows the refund standing. Progress is untouched, so a delivered order stays delivered.
     */
    public Change<Order> refundCompleted(String refundId, Money amount, Instant at) {
        Optional<Refunds> counted = refunds.counting(refundId, amount, total());
        Refunds paidBack = counted.orElse(refunds);
        // a case ends completed even when it paid nothing more (nothing was left, or it paid nothing)
        Optional<Refunds> ended = paidBack.caseMoved(refundId, null, "COMPLETED", amount, at);
        if (counted.isEmpty() && ended.isEmpty()) {
            return Change.none();
        }
        return Change.of(edit(draft -> {
            draft.refunds = ended.orElse(paidBack);
            if (counted.isPresent()) {
                draft.log(
                        at,
                        Kind.REFUNDED,
                        "refund-service",
                        TimelineEntry.money(amount) + " paid back, " + TimelineEntry.money(paidBack.refunded())
                                + " in all");
            }
        }));
    }

    /**
     * The refund desk announced a case's step (requested, approved, rejected, closed): the order
     * shows each case and where it stands. The money itself counts once it is paid back.
     *
     * @param type   the case's type, or null when the announcement does not say
     * @param amount what the case asks or was approved, or null when the announcement does not say
     */
    public Change<Order> afterSaleCaseMoved(String refundId, String type, String state, Money amount, Instant at) {
        return refunds.caseMoved(refundId, type, state, amount, at)
                .map(moved -> Change.of(edit(draft -> draft.refunds = moved)))
                .orElseGet(Change::none);
    }

    /**
     * The buyer or customer service cancels the order before dispatch.
     *
     * @throws IllegalOrderTransition once the order is (partly) dispatched: that is a refund
     */
    public Change<Order> cancel(String reason, String cancelledBy, Instant at) {
        return apply(
                OrderCommand.CANCEL,
                edit(draft -> {
                    draft.cancellation = new Cancellation(reason, cancelledBy, at);
                    draft.holds = List.of(); // nothing is waiting for review any more
                    draft.stockOut = StockOut.closed(stockOut);
                    draft.log(at, Kind.CANCELLED, cancelledBy, reason);
                }),
                new OrderCancelled(orderId, storeId(), reason, cancelledBy, at));
    }

    /** This order shipping to {@code address} from now on, with the change on its audit trail and timeline. */
    public Order moveTo(Address address, String by, Instant at, boolean byStorefront) {
        List<AddressChange> audit = new ArrayList<>(addressChanges);
        audit.add(new AddressChange(shippingAddress, address, by, at, byStorefront));
        return edit(draft -> {
            draft.shippingAddress = address;
            draft.addressChanges = audit;
            draft.log(at, Kind.ADDRESS_CHANGED, by, audit.get(audit.size() - 1).describe());
        });
    }

    /** This order findable by {@code terms} (what search says finds it by its buyer or recipient). */
    public Order withBuyerTerms(List<String> terms) {
        return edit(draft -> draft.buyerTerms = terms);
    }

    /** This order with the seller's memo now {@code memo}, and {@code line} on its timeline. */
    public Order withSellerMemo(SellerMemo memo, TimelineEntry line) {
        return edit(draft -> {
            draft.sellerMemo = memo;
            draft.log(line.at(), line.what(), line.by(), line.detail());
        });
    }

    /** This order with {@code change} made to one of its lines, and {@code line} on its timeline. */
    public Order withItemChange(ItemChange change, TimelineEntry line) {
        List<ItemChange> all = new ArrayList<>(itemChanges);
        all.add(change);
        return edit(draft -> {
            draft.itemChanges = all;
            draft.log(line.at(), line.what(), line.by(), line.detail());
        });
    }

    /** This order with its stock-out notice now {@code task}, and {@code line} on its timeline. */
    public Order withStockOut(StockOut task, TimelineEntry line) {
        return edit(draft -> {
            draft.stockOut = task;
            draft.log(line.at(), line.what(), line.by(), line.detail());
        });
    }

    /**
     * Runs {@code command} through the lifecycle from this order's progress. A move takes the
     * details of {@code updated} and announces {@code events}; a command already reflected changes
     * nothing, not even details, so a late message cannot overwrite newer facts.
     */
    Change<Order> apply(OrderCommand command, Order updated, StoreOpsEvent... events) {
        return OrderLifecycle.next(progress, status, command)
                .map(next -> Change.of(updated.edit(draft -> draft.progress = next), events))
                .orElseGet(Change::none);
    }

    /** A copy of this order with {@code changes} applied. */
    Order edit(Consumer<Draft> changes) {
        Draft draft = new Draft(this);
        changes.accept(draft);
        return draft.build();
    }

    /** What a decision may change; identity and derived fields are never set here. */
    static final class Draft {
        private final String orderId;
        Progress progress;
        StorefrontOrder told;
        Address shippingAddress;
        List<AddressChange> addressChanges;
        Refunds refunds;
        List<Shipment> parcels;
        Cancellation cancellation;
        List<HoldReason> holds;
        Release release;
        StockOut stockOut;
        SellerMemo sellerMemo;
        List<ItemChange> itemChanges;
        private List<TimelineEntry> timeline;
        private List<String> buyerTerms;

        private Draft(Order order) {
            orderId = order.orderId;
            progress = order.progress;
            told = order.told;
            shippingAddress = order.shippingAddress;
            addressChanges = order.addressChanges;
            refunds = order.refunds;
            parcels = order.parcels;
            cancellation = order.cancellation;
            holds = order.holds;
            release = order.release;
            stockOut = order.stockOut;
            sellerMemo = order.sellerMemo;
            itemChanges = order.itemChanges;
            timeline = order.timeline;
            buyerTerms = order.buyerTerms;
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

        private Order build() {
            return new Order(
                    orderId,
                    progress,
                    null,
                    told,
                    shippingAddress,
                    addressChanges,
                    refunds,
                    parcels,
                    cancellation,
                    holds,
                    release,
                    stockOut,
                    sellerMemo,
                    itemChanges,
                    timeline,
                    buyerTerms);
        }
    }
}

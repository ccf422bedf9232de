package io.storeops.analytics.sales;

import io.storeops.contracts.Attribution;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.fulfillment.ShipmentDelivered;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One order as analytics counts it: what was paid, per line, where it came from (channel,
 * attribution) and where it goes (region), at which store-local day and hour; and what happened to
 * it since: cancelled, shipped, delivered, refunded. Summaries are computed from these facts rather
 * than kept as counters, so a redelivered or replayed event can never count twice. A cancellation
 * or a refund keeps its own day beside the order's, so that a figure can take either.
 *
 * <p>Fulfilment's and the refund desk's events may arrive before the payment they follow (another
 * topic): they start the fact, and the payment completes it; until then it counts in no sales.
 *
 * @param paidDay      the store-local calendar day of payment (ISO yyyy-MM-dd), which reports group by;
 *     null until the payment arrived
 * @param paidHour     the store-local hour of payment (0 to 23), for the reports by hour
 * @param province     the province or state the order ships to
 * @param cancelledDay the store-local day of the cancellation
 * @param refunds      the money paid back, once per refund
 */
public record OrderFact(
        String orderId,
        String storeId,
        String currency,
        long gmvMinor,
        Instant paidAt,
        String paidDay,
        Integer paidHour,
        String channel,
        Attribution attribution,
        String province,
        String city,
        List<Line> lines,
        Instant cancelledAt,
        String cancelledDay,
        Instant shippedAt,
        Instant deliveredAt,
        List<Refund> refunds,
        List<Parcel> parcels) {

    /** One paid order line: what was bought, how many, at what unit price. */
    public record Line(String sku, String title, int quantity, long unitPriceMinor) {}

    /**
     * Money paid back, on the store-local day it was.
     *
     * @param lines what of it went back for which SKU; the rest (shipping, a refund naming no lines)
     *     concerns the order as a whole
     */
    public record Refund(String refundId, long amountMinor, Instant at, String day, List<SkuAmount> lines) {

        public Refund {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** Money of one SKU. */
    public record SkuAmount(String sku, long amountMinor) {}

    /**
     * One parcel of the order as the warehouse and the carrier reported it.
     *
     * @param batchId       the dispatch batch it left in (null when dispatched outside any batch)
     * @param dispatchedDay the store-local day it left, which its batch's own day is compared with
     * @param deliveredDay  the store-local day it arrived
     */
    public record Parcel(
            String shipmentId,
            String batchId,
            Instant dispatchedAt,
            String dispatchedDay,
            Instant deliveredAt,
            String deliveredDay,
            List<Trouble> troubles) {

        public Parcel {
            troubles = troubles == null ? List.of() : List.copyOf(troubles);
        }

        /**
         * Whether the parcel was still in trouble at the end of store-local {@code day}: a trouble
         * reported by then that neither a later delivery nor a later dispatch (the warehouse put
         * right what it found before the parcel left) settled by then.
         */
        public boolean inTroubleAtTheEndOf(String day) {
            return troubles.stream()
                    .filter(trouble -> trouble.day().compareTo(day) <= 0)
                    .anyMatch(trouble -> !settled(deliveredAt, deliveredDay, trouble, day)
                            && !settled(dispatchedAt, dispatchedDay, trouble, day));
        }

        private static boolean settled(Instant at, String onDay, Trouble trouble, String day) {
            return at != null && at.isAfter(trouble.at()) && onDay.compareTo(day) <= 0;
        }
    }

    /** A parcel in trouble: the carrier's or the warehouse's kind, on its store-local day. */
    public record Trouble(String kind, Instant at, String day) {}

    public OrderFact {
        lines = lines == null ? List.of() : List.copyOf(lines);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        attribution = attribution == null ? Attribution.NONE : attribution;
        parcels = parcels == null ? List.of() : List.copyOf(parcels);
    }

    /** The payment: what the order counts for, once. */
    public static Change<OrderFact> paid(Optional<OrderFact> current, OrderPaid paid, ZoneId storeZone) {
        if (current.filter(fact -> fact.paidAt() != null).isPresent()) {
            return Change.none();
        }
        OrderFact before = current.orElseGet(() -> started(paid.orderId(), paid.storeId()));
        var paidAt = paid.paidAt().atZone(storeZone);
        return Change.of(new OrderFact(
                paid.orderId(),
                paid.storeId(),
                paid.total().currency(),
                paid.total().amountMinor(),
                paid.paidAt(),
                paidAt.toLocalDate().toString(),
                paidAt.getHour(),
                paid.channel(),
                paid.attribution(),
                paid.shippingAddress() == null ? null : paid.shippingAddress().province(),
                paid.shippingAddress() == null ? null : paid.shippingAddress().city(),
                paid.lines().stream().map(OrderFact::line).toList(),
                before.cancelledAt,
                before.cancelledDay,
                before.shippedAt,
                before.deliveredAt,
                before.refunds,
                before.parcels));
    }

    /** The order was cancelled: on that store-local day. Once. */
    public static Change<OrderFact> cancelled(
            Optional<OrderFact> current, String orderId, String storeId, Instant at, ZoneId storeZone) {
        return moved(
                current,
                orderId,
                storeId,
                fact -> fact.cancelledAt != null,
                fact -> fact.with(draft -> {
                    draft.cancelledAt = at;
                    draft.cancelledDay = day(at, storeZone);
                }));
    }

    /** A parcel of the order left: once per parcel; the order's first dispatch is its {@code shippedAt}. */
    public static Change<OrderFact> shipped(
            Optional<OrderFact> current, ShipmentDispatched dispatched, ZoneId storeZone) {
        Instant at = dispatched.dispatchedAt();
        return moved(
                current,
                dispatched.orderId(),
                dispatched.storeId(),
                fact -> fact.parcel(dispatched.shipmentId())
                        .filter(parcel -> parcel.dispatchedAt() != null)
                        .isPresent(),
                fact -> fact.withParcel(
                        dispatched.shipmentId(),
                        parcel -> new Parcel(
                                parcel.shipmentId(),
                                dispatched.batchId(),
                                at,
                                day(at, storeZone),
                                parcel.deliveredAt(),
                                parcel.deliveredDay(),
                                parcel.troubles()),
                        draft -> draft.shippedAt =
                                draft.shippedAt == null || at.isBefore(draft.shippedAt) ? at : draft.shippedAt));
    }

    /** A parcel of the order arrived: once per parcel; the order's first delivery is its {@code deliveredAt}. */
    public static Change<OrderFact> delivered(
            Optional<OrderFact> current, ShipmentDelivered delivered, ZoneId storeZone) {
        Instant at = delivered.deliveredAt();
        return moved(
                current,
                delivered.orderId(),
                delivered.storeId(),
                fact -> fact.parcel(delivered.shipmentId())
                        .filter(parcel -> parcel.deliveredAt() != null)
                        .isPresent(),
                fact -> fact.withParcel(
                        delivered.shipmentId(),
                        parcel -> new Parcel(
                                parcel.shipmentId(),
                                parcel.batchId(),
                                parcel.dispatchedAt(),
                                parcel.dispatchedDay(),
                                at,
                                day(at, storeZone),
                                parcel.troubles()),
                        draft -> draft.deliveredAt =
                                draft.deliveredAt == null || at.isBefore(draft.deliveredAt) ? at : draft.deliveredAt));
    }

    /** A parcel is in trouble (the carrier's report, or the warehouse's check): once per report. */
    public static Change<OrderFact> troubled(
            Optional<OrderFact> current, ShipmentException exception, ZoneId storeZone) {
        Trouble trouble = new Trouble(exception.kind(), exception.reportedAt(), day(exception.reportedAt(), storeZone));
        return moved(
                current,
                exception.orderId(),
                exception.storeId(),
                fact -> fact.parcel(exception.shipmentId())
                        .filter(parcel -> parcel.troubles().contains(trouble))
                        .isPresent(),
                fact -> fact.withParcel(
                        exception.shipmentId(),
                        parcel -> {
                            List<Trouble> more = new ArrayList<>(parcel.troubles());
                            more.add(trouble);
                            return new Parcel(
                                    parcel.shipmentId(),
                                    parcel.batchId(),
                                    parcel.dispatchedAt(),
                                    parcel.dispatchedDay(),
                                    parcel.deliveredAt(),
                                    parcel.deliveredDay(),
                                    more);
                        },
                        draft -> {}));
    }

    public Optional<Parcel> parcel(String shipmentId) {
        return parcels.stream()
                .filter(parcel -> parcel.shipmentId().equals(shipmentId))
                .findFirst();
    }

    /** This fact with parcel {@code shipmentId} (started if unknown) changed, and whatever else {@code also} changes. */
    private OrderFact withParcel(String shipmentId, UnaryOperator<Parcel> change, Consumer<Draft> also) {
        Parcel before =
                parcel(shipmentId).orElseGet(() -> new Parcel(shipmentId, null, null, null, null, null, List.of()));
        List<Parcel> more = new ArrayList<>(parcels);
        more.remove(before);
        more.add(change.apply(before));
        return with(draft -> {
            draft.parcels = more;
            also.accept(draft);
        });
    }

    /**
     * Customer service changed a line's item before dispatch (修改商品及尺码): the line is the new SKU
     * from then on, so that its refunds (which name the new SKU) come off the item that was sold. Its
     * amount stays: a difference in price is settled as money, a refund when owed back.
     */
    public static Change<OrderFact> itemChanged(Optional<OrderFact> current, OrderItemChanged changed) {
        return current.filter(fact -> changed.lineIndex() >= 0 && changed.lineIndex() < fact.lines.size())
                .filter(fact ->
                        !Objects.equals(fact.lines.get(changed.lineIndex()).sku(), changed.toSku()))
                .map(fact -> {
                    List<Line> lines = new ArrayList<>(fact.lines);
                    Line before = lines.get(changed.lineIndex());
                    lines.set(
                            changed.lineIndex(),
                            new Line(
                                    changed.toSku(),
                                    changed.toTitle() == null ? before.title() : changed.toTitle(),
                                    before.quantity(),
                                    before.unitPriceMinor()));
                    return Change.of(new OrderFact(
                            fact.orderId,
                            fact.storeId,
                            fact.currency,
                            fact.gmvMinor,
                            fact.paidAt,
                            fact.paidDay,
                            fact.paidHour,
                            fact.channel,
                            fact.attribution,
                            fact.province,
                            fact.city,
                            lines,
                            fact.cancelledAt,
                            fact.cancelledDay,
                            fact.shippedAt,
                            fact.deliveredAt,
                            fact.refunds,
                            fact.parcels));
                })
                .orElseGet(Change::none);
    }

    /** Money went back to the buyer: once per refund, on its store-local day, per SKU as the refund says. */
    public static Change<OrderFact> refunded(Optional<OrderFact> current, RefundCompleted refund, ZoneId storeZone) {
        return moved(
                current,
                refund.orderId(),
                refund.storeId(),
                fact -> fact.refunds.stream().anyMatch(known -> known.refundId().equals(refund.refundId())),
                fact -> {
                    List<Refund> more = new ArrayList<>(fact.refunds);
                    more.add(new Refund(
                            refund.refundId(),
                            refund.amount().amountMinor(),
                            refund.completedAt(),
                            day(refund.completedAt(), storeZone),
                            refund.lines().stream()
                                    .map(line -> new SkuAmount(
                                            line.sku(), line.amount().amountMinor()))
                                    .toList()));
                    return fact.with(draft -> draft.refunds = more);
                });
    }

    /** Paid back in all. */
    public long refundedMinor() {
        return refunds.stream().mapToLong(Refund::amountMinor).sum();
    }

    /** Paid back in all for the units of {@code sku}. */
    public long refundedMinor(String sku) {
        return refunds.stream()
                .flatMap(refund -> refund.lines().stream())
                .filter(line -> line.sku().equals(sku))
                .mapToLong(SkuAmount::amountMinor)
                .sum();
    }

    /** What the order counts for once its refunds are taken off. */
    public long netMinor() {
        return gmvMinor - refundedMinor();
    }

    private static Line line(OrderLine line) {
        return new Line(
                line.sku(),
                line.title(),
                line.quantity(),
                line.unitPrice() == null ? 0 : line.unitPrice().amountMinor());
    }

    /** A fact that an event after the payment starts before the payment arrived. */
    private static OrderFact started(String orderId, String storeId) {
        return new OrderFact(
                orderId, storeId, null, 0, null, null, null, null, null, null, null, List.of(), null, null, null, null,
                List.of(), List.of());
    }

    /** Applies {@code change} unless {@code done} says it happened already; starts the fact if need be. */
    private static Change<OrderFact> moved(
            Optional<OrderFact> current,
            String orderId,
            String storeId,
            Predicate<OrderFact> done,
            UnaryOperator<OrderFact> change) {
        OrderFact fact = current.orElseGet(() -> started(orderId, storeId));
        return done.test(fact) ? Change.none() : Change.of(change.apply(fact));
    }

    /** What an event after the payment may change. */
    private static final class Draft {
        Instant cancelledAt;
        String cancelledDay;
        Instant shippedAt;
        Instant deliveredAt;
        List<Refund> refunds;
        List<Parcel> parcels;
    }

    private OrderFact with(Consumer<Draft> changes) {
        Draft draft = new Draft();
        draft.cancelledAt = cancelledAt;
        draft.cancelledDay = cancelledDay;
        draft.shippedAt = shippedAt;
        draft.deliveredAt = deliveredAt;
        draft.refunds = refunds;
        draft.parcels = parcels;
        changes.accept(draft);
        return new OrderFact(
                orderId,
                storeId,
                currency,
                gmvMinor,
                paidAt,
                paidDay,
                paidHour,
                channel,
                attribution,
                province,
                city,
                lines,
                draft.cancelledAt,
                draft.cancelledDay,
                draft.shippedAt,
                draft.deliveredAt,
                draft.refunds,
                draft.parcels);
    }

    private static String day(Instant at, ZoneId storeZone) {
        return at.atZone(storeZone).toLocalDate().toString();
    }
}

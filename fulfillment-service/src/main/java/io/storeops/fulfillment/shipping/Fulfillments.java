package io.storeops.fulfillment.shipping;

import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.events.fulfillment.ReturnReceived;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.contracts.events.refund.RefundClosed;
import io.storeops.contracts.events.refund.ReplacementRequested;
import io.storeops.fulfillment.stock.StockItem;
import io.storeops.fulfillment.stock.StockLedger;
import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The fulfilments collection; every change goes out with its events through the aggregate store. */
@Component
public class Fulfillments implements ApplicationRunner {

    static final String COLLECTION = "fulfillments";

    private final AggregateStore store;
    private final StockLedger stock;
    private final Clock clock;
    private final EventCounters counters;
    private final PartialShipmentPolicy partialShipments;
    private final Checklists checklists;

    public Fulfillments(
            AggregateStore store,
            StockLedger stock,
            Clock clock,
            EventCounters counters,
            PartialShipmentPolicy partialShipments,
            Checklists checklists) {
        this.store = store;
        this.stock = stock;
        this.clock = clock;
        this.counters = counters;
        this.partialShipments = partialShipments;
        this.checklists = checklists;
    }

    /**
     * The indexes behind the warehouse's work list ({@link #list}), the carriers' reports ({@link
     * #track}) and customer service's queue of parcels in trouble ({@link #inTrouble}).
     */
    @Override
    public void run(ApplicationArguments arguments) {
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_status_oldest_first", Fulfillment.class)
                        .ascending("storeId")
                        .ascending("status")
                        .ascending("createdAt"));
        store.declareIndex(
                COLLECTION,
                StateIndex.named("tracking_number", Fulfillment.class).ascending("trackingNumber"));
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_trouble_oldest_first", Fulfillment.class)
                        .ascending("storeId")
                        .ascending("trouble.open")
                        .ascending("trouble.reportedAt"));
    }

    /**
     * A carrier's report reaches the shipment dispatched with its tracking number (and with its
     * carrier, when the report names one: numbers of different carriers may collide); a number no
     * shipment has (an aggregator pushing for another shop's parcel) changes nothing.
     */
    public Mono<Void> track(TrackingUpdate update) {
        return store.findAll(
                        COLLECTION,
                        StateQuery.of(Fulfillment.class)
                                .is("trackingNumber", update.trackingNumber())
                                .limit(10))
                .filter(shipment -> update.carrier() == null || update.carrier().equals(shipment.carrier()))
                .concatMap(shipment -> change(shipment.key(), current -> current.tracked(update)))
                .then();
    }

    /** The parcels in trouble of a store, oldest first: after-sale customer service's queue (异常快递). */
    public Flux<Fulfillment> inTrouble(String storeId, int limit) {
        return store.findAll(
                COLLECTION, inTrouble(storeId).ascending("trouble.reportedAt").limit(limit));
    }

    public Mono<Long> countInTrouble(String storeId) {
        return store.count(COLLECTION, inTrouble(storeId));
    }

    /** When the store's longest-open parcel exception was reported, if one is open. */
    public Mono<Instant> oldestTroubleReportedAt(String storeId) {
        return inTrouble(storeId, 1)
                .next()
                .map(fulfillment -> fulfillment.trouble().reportedAt());
    }

    public Mono<Long> countInStatus(String storeId, ShipmentStatus status) {
        return store.count(
                COLLECTION,
                StateQuery.of(Fulfillment.class).is("storeId", storeId).is("status", status.name()));
    }

    public Mono<Long> countAwaitingReturns(String storeId) {
        return store.count(COLLECTION, awaitingReturns(storeId));
    }

    private static StateQuery<Fulfillment> inTrouble(String storeId) {
        return StateQuery.of(Fulfillment.class).is("storeId", storeId).is("trouble.open", true);
    }

    private static StateQuery<Fulfillment> awaitingReturns(String storeId) {
        return StateQuery.of(Fulfillment.class)
                .is("storeId", storeId)
                .is("returns.status", Fulfillment.ReturnStatus.APPROVED.name());
    }

    /** A parcel by its document's key ({@link Fulfillment#keyOf}): an order's id finds the order's first parcel. */
    public Mono<Fulfillment> find(String key) {
        return store.find(COLLECTION, key, Fulfillment.class);
    }

    /**
     * The shipments a batch cut off at {@code cutoffAt} takes: ready, in no batch yet, paid before
     * the cut-off. Read whole: a day's ready shipments, not the store's history.
     */
    public Flux<Fulfillment> readyForBatch(String storeId, Instant cutoffAt) {
        return store.findAll(
                        COLLECTION,
                        StateQuery.of(Fulfillment.class)
                                .is("storeId", storeId)
                                .is("status", ShipmentStatus.READY.name())
                                .absent("batchId")
                                .ascending("createdAt"))
                .filter(fulfillment -> fulfillment.paidAt().isBefore(cutoffAt));
    }

    /** The shipments of a batch, in its order; a shipment id that leads nowhere is left out. */
    public Flux<Fulfillment> findAll(List<String> shipmentIds) {
        return Flux.fromIterable(shipmentIds)
                .concatMap(shipmentId ->
                        Fulfillment.keyOf(shipmentId).map(this::find).orElseGet(Mono::empty));
    }

    public Flux<Fulfillment> list(String storeId, ShipmentStatus status, int limit) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(Fulfillment.class)
                        .is("storeId", storeId)
                        .is("status", status.name())
                        .ascending("createdAt")
                        .limit(limit));
    }

    /**
     * A paid order's shipment, its lines' units reserved first: a line the stock cannot cover makes
     * the shipment wait for it, or, where the store ships partially, follow in a second parcel. The
     * reservations are made once, before the shipment exists; asking again (a redelivered payment)
     * finds them made. The second parcel is made from what the first recorded, and takes over its
     * units only then, so a payment redelivered at any point completes the split and never repeats it.
     */
    public Mono<Applied.Outcome> orderPaid(OrderPaid paid, ConsumedEvent position) {
        return reservedOnce(paid.orderId(), new Reserved(List.of(), List.of()), () -> reservedFor(paid))
                .flatMap(reserved -> store.apply(
                        COLLECTION,
                        paid.orderId(),
                        Fulfillment.class,
                        position,
                        current -> Fulfillment.forPaidOrder(
                                current, paid, reserved.shortages(), reserved.following(), clock.instant())))
                .doOnNext(counters::count)
                .flatMap(applied -> servedMeanwhile(applied.state())
                        .then(followUpOf(applied.state(), position))
                        .thenReturn(applied.outcome()));
    }

    /**
     * The reservations for the parcel of {@code key}, made only while it does not exist: a redelivered
     * event finds the parcel (whose units may have left with it since) and reserves nothing again, and
     * one after a crash before the parcel's write finds the reservations made.
     */
    private <T> Mono<T> reservedOnce(String key, T noneNeeded, Supplier<Mono<T>> reservations) {
        return find(key).map(existing -> noneNeeded).switchIfEmpty(Mono.defer(reservations));
    }

    /**
     * An exchange's replacement: a new parcel of the order for the case, its units reserved first as
     * for a paid order (what is short makes it wait), made once under a key of its own. An order
     * fulfilment has no parcel of changes nothing.
     */
    public Mono<Applied.Outcome> replacementRequested(ReplacementRequested requested, ConsumedEvent position) {
        String shipmentId = Fulfillment.replacementShipmentIdFor(requested.refundId());
        String key = Fulfillment.keyOf(shipmentId).orElseThrow();
        return find(requested.orderId())
                .flatMap(first -> reservedOnce(
                                key,
                                List.<ItemQuantity>of(),
                                () -> reserve(
                                        first.storeId(),
                                        shipmentId,
                                        first.orderId(),
                                        first.paidAt(),
                                        unitsBySku(requested.lines())))
                        .flatMap(shortages -> store.apply(
                                COLLECTION,
                                key,
                                Fulfillment.class,
                                position,
                                current -> Fulfillment.replacementOf(
                                        current,
                                        first,
                                        requested.refundId(),
                                        requested.lines(),
                                        shortages,
                                        clock.instant()))))
                .doOnNext(counters::count)
                .flatMap(applied -> servedMeanwhile(applied.state()).thenReturn(applied.outcome()))
                .defaultIfEmpty(Applied.Outcome.UNCHANGED);
    }

    /** What a paid order's reservations left short, and the order's lines that follow in a second parcel. */
    private record Reserved(List<ItemQuantity> shortages, List<Integer> following) {}

    private Mono<Reserved> reservedFor(OrderPaid paid) {
        Instant paidAt = paid.paidAt() == null ? clock.instant() : paid.paidAt();
        return reserve(
                        paid.storeId(),
                        Fulfillment.shipmentIdFor(paid.orderId()),
                        paid.orderId(),
                        paidAt,
                        unitsBySku(Fulfillment.linesOf(paid)))
                .map(shortages -> new Reserved(
                        shortages,
                        Fulfillment.linesToFollow(
                                paid.lines(), shortages, partialShipments.allowedIn(paid.storeId()))));
    }

    /**
     * The parcel that follows a split order's first: made as the first recorded it, then the units
     * its SKUs hold or wait for pass to it from the first (a SKU the first carries itself by now
     * stays). When the second is not made (the first was cancelled) or no longer waits in the
     * warehouse, those units are released instead.
     */
    private Mono<Void> followUpOf(Fulfillment first, ConsumedEvent position) {
        if (first == null || first.followUp() == null) {
            return Mono.empty();
        }
        Fulfillment.FollowUpParcel followUp = first.followUp();
        Set<String> firstSkus = unitsBySku(first.lines()).keySet();
        return store.apply(
                        COLLECTION,
                        followUp.key(),
                        Fulfillment.class,
                        position,
                        current -> Fulfillment.followUpOf(current, first, clock.instant()))
                .doOnNext(counters::count)
                .flatMap(applied -> {
                    Fulfillment second = applied.state();
                    boolean handsOver = second != null && second.isInWarehouse();
                    return Flux.fromIterable(
                                    unitsBySku(Fulfillment.linesOf(first.paid().lines()))
                                            .keySet())
                            .filter(sku -> !firstSkus.contains(sku))
                            .concatMap(sku -> handsOver
                                    ? stock.handOver(first.storeId(), sku, first.shipmentId(), followUp.shipmentId())
                                    : stock.release(first.storeId(), sku, first.shipmentId()))
                            .then(handsOver ? servedMeanwhile(second) : Mono.empty());
                });
    }

    /** Reserves {@code units} of each SKU for the shipment; what is missing, per SKU. */
    private Mono<List<ItemQuantity>> reserve(
            String storeId, String shipmentId, String orderId, Instant paidAt, Map<String, Integer> units) {
        return Flux.fromIterable(units.entrySet())
                .filter(line -> line.getValue() > 0)
                .concatMap(line -> stock.reserve(
                                storeId,
                                line.getKey(),
                                new StockItem.Waiting(shipmentId, orderId, line.getValue(), paidAt))
                        .filter(item -> !item.holdsFor(shipmentId))
                        .map(item -> new ItemQuantity(line.getKey(), item.missingFor(shipmentId))))
                .collectList();
    }

    private static Map<String, Integer> unitsBySku(List<ItemQuantity> lines) {
        Map<String, Integer> units = new LinkedHashMap<>();
        lines.forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        return units;
    }

    /**
     * Customer service changed a line's item: in the parcel that carries the line, the SKUs whose
     * units change (the old one, the new one) give back what the shipment held and reserve what it
     * needs now, then each parcel takes the change, the one carrying the line with what is still
     * missing. A change taken before (the shipment has the new item) touches no stock, so a
     * redelivery cannot move the shipment to the back of a queue.
     */
    public Mono<Applied.Outcome> itemChanged(OrderItemChanged change, ConsumedEvent position) {
        return parcelsOf(change.orderId())
                .concatMap(parcel -> reReserved(parcel, change)
                        .flatMap(reReserved -> applyTo(
                                parcel.key(),
                                position,
                                shipment -> shipment.itemChanged(
                                        change.lineIndex(),
                                        change.toSku(),
                                        change.toTitle(),
                                        reReserved.skus(),
                                        reReserved.shortages(),
                                        change.changedAt()))))
                .map(Applied::outcome)
                .reduce(Applied.Outcome.UNCHANGED, Fulfillments::either);
    }

    private Mono<ReReserved> reReserved(Fulfillment parcel, OrderItemChanged change) {
        return Mono.just(parcel)
                .filter(shipment -> shipment.isInWarehouse() && !shipment.hasItem(change.lineIndex(), change.toSku()))
                .flatMap(shipment -> {
                    Map<String, Integer> before = unitsBySku(shipment.lines());
                    Map<String, Integer> after = unitsBySku(shipment.parcelLines(
                            shipment.linesAfterChange(change.lineIndex(), change.toSku(), change.toTitle())));
                    Set<String> changed = new LinkedHashSet<>(before.keySet());
                    changed.addAll(after.keySet());
                    changed.removeIf(sku -> Objects.equals(before.get(sku), after.get(sku)));
                    Map<String, Integer> needed = new LinkedHashMap<>();
                    changed.forEach(sku -> needed.put(sku, after.getOrDefault(sku, 0)));
                    return Flux.fromIterable(changed)
                            .concatMap(sku -> stock.release(shipment.storeId(), sku, shipment.shipmentId()))
                            .then(reserve(
                                    shipment.storeId(),
                                    shipment.shipmentId(),
                                    shipment.orderId(),
                                    shipment.paidAt(),
                                    needed))
                            .map(shortages -> new ReReserved(changed, shortages));
                })
                .defaultIfEmpty(new ReReserved(Set.of(), List.of()));
    }

    /** The SKUs whose reservations an item change redid, and what is still missing of them. */
    private record ReReserved(Set<String> skus, List<ItemQuantity> shortages) {}

    /**
     * Units served to a short line between its reservation and the shipment's creation (or, for a
     * split order's second parcel, its hand-over) were announced (StockAllocated) before the
     * shipment could take them: it takes them now.
     */
    private Mono<Void> servedMeanwhile(Fulfillment created) {
        if (created == null || created.shortages().isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(created.shortages())
                .concatMap(line -> stock.find(created.storeId(), line.sku())
                        .filter(item -> item.holdsFor(created.shipmentId()))
                        .flatMap(item -> store.apply(
                                COLLECTION,
                                created.key(),
                                Fulfillment.class,
                                current -> current.map(fulfillment -> fulfillment.stockAllocated(line.sku()))
                                        .orElseGet(Change::none))))
                .then();
    }

    /** The reserved units of a dispatched shipment leave the stock. */
    public Mono<Applied.Outcome> shipped(ShipmentDispatched parcel) {
        return eachSku(
                parcel.lines(), sku -> stock.ship(parcel.storeId(), sku, parcel.shipmentId(), parcel.dispatchedBy()));
    }

    /** A cancelled shipment gives its units back (or stops waiting for them). */
    public Mono<Applied.Outcome> cancelled(ShipmentCancelled stopped) {
        return Mono.justOrEmpty(Fulfillment.keyOf(stopped.shipmentId()))
                .flatMap(this::find)
                .flatMap(fulfillment -> eachSku(
                        // a split order's first parcel also gives back what it held for the second,
                        // had a crash stopped the hand-over
                        fulfillment.followUp() == null
                                ? fulfillment.lines()
                                : Fulfillment.linesOf(fulfillment.paid().lines()),
                        sku -> stock.release(stopped.storeId(), sku, stopped.shipmentId())))
                .defaultIfEmpty(Applied.Outcome.UNCHANGED);
    }

    /** The resellable units of a received return go back to stock, as the receipt on the shipment says. */
    public Mono<Applied.Outcome> returnedToStock(ReturnReceived received) {
        return parcelsOf(received.orderId())
                .filter(parcel -> {
                    Fulfillment.ReturnCase returned = parcel.returnCase(received.refundId());
                    return returned != null && returned.receipt() != null && !returned.restocked();
                })
                .concatMap(parcel -> Flux.fromIterable(
                                parcel.returnCase(received.refundId()).receipt().lines())
                        .filter(line -> line.resellable() > 0)
                        .concatMap(line -> stock.returned(
                                received.storeId(),
                                line.sku(),
                                line.resellable(),
                                received.refundId() + (parcel.isFollowUp() ? " " + parcel.shipmentId() : ""),
                                received.receivedBy()))
                        .then(change(parcel.key(), shipment -> shipment.restocked(received.refundId())))
                        .thenReturn(Applied.Outcome.APPLIED))
                .reduce(Applied.Outcome.UNCHANGED, Fulfillments::either);
    }

    /**
     * A refund approved: each parcel of the order is intercepted or its return awaited; a full
     * refund for an order whose payment fulfilment has not seen yet makes the shipment cancelled
     * beforehand.
     */
    public Mono<Applied.Outcome> refundApproved(RefundApproved approved, ConsumedEvent position) {
        Function<Fulfillment, Change<Fulfillment>> decide = shipment -> shipment.refundApproved(
                approved.refundId(), approved.type(), approved.amount(), approved.lines(), approved.decidedAt());
        return store.apply(
                        COLLECTION,
                        approved.orderId(),
                        Fulfillment.class,
                        position,
                        current -> current.map(decide)
                                .orElseGet(() -> approved.coversTheGoods()
                                        ? Fulfillment.interceptedBeforePayment(
                                                approved.orderId(),
                                                approved.storeId(),
                                                approved.refundId(),
                                                approved.decidedAt())
                                        : Change.none()))
                .doOnNext(counters::count)
                .flatMap(first -> alsoToFollowUp(first, position, decide));
    }

    /**
     * A refund closed: its parcels stop waiting for a return, and an exchange's replacement not yet
     * sent is cancelled.
     */
    public Mono<Applied.Outcome> refundClosed(RefundClosed closed, ConsumedEvent position) {
        return onOrderEvent(closed.orderId(), position, shipment -> shipment.refundClosed(closed.refundId()))
                .zipWith(
                        onShipmentEvent(
                                Fulfillment.replacementShipmentIdFor(closed.refundId()),
                                position,
                                replacement -> replacement.exchangeClosed(closed.closedAt())),
                        Fulfillments::either);
    }

    /** Shipments of a store with a return the warehouse waits for (approved, not yet received). */
    public Flux<Fulfillment> awaitingReturns(String storeId, int limit) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(Fulfillment.class)
                        .is("storeId", storeId)
                        .is("returns.status", Fulfillment.ReturnStatus.APPROVED.name())
                        .ascending("createdAt")
                        .limit(limit));
    }

    /** Applies {@code change} to the stock of each SKU of {@code lines}, once per SKU. */
    private static Mono<Applied.Outcome> eachSku(List<ItemQuantity> lines, Function<String, Mono<StockItem>> change) {
        return Flux.fromIterable(lines)
                .map(ItemQuantity::sku)
                .distinct()
                .concatMap(change)
                .then(Mono.just(Applied.Outcome.APPLIED));
    }

    /**
     * Applies an order event to each parcel of the order; events for unknown orders change nothing.
     * The first parcel leads to the second, so a redelivery after a crash between the two reaches
     * the second too.
     */
    public Mono<Applied.Outcome> onOrderEvent(
            String orderId, ConsumedEvent position, Function<Fulfillment, Change<Fulfillment>> decide) {
        return applyTo(orderId, position, decide).flatMap(first -> alsoToFollowUp(first, position, decide));
    }

    private Mono<Applied.Outcome> alsoToFollowUp(
            Applied<Fulfillment> first, ConsumedEvent position, Function<Fulfillment, Change<Fulfillment>> decide) {
        if (first.state() == null || first.state().followUp() == null) {
            return Mono.just(first.outcome());
        }
        return applyTo(first.state().followUp().key(), position, decide)
                .map(second -> either(first.outcome(), second.outcome()));
    }

    /** Applies an event about one shipment (a stock allocation) to that parcel alone. */
    public Mono<Applied.Outcome> onShipmentEvent(
            String shipmentId, ConsumedEvent position, Function<Fulfillment, Change<Fulfillment>> decide) {
        return Mono.justOrEmpty(Fulfillment.keyOf(shipmentId))
                .flatMap(key -> applyTo(key, position, decide))
                .map(Applied::outcome)
                .defaultIfEmpty(Applied.Outcome.UNCHANGED);
    }

    private Mono<Applied<Fulfillment>> applyTo(
            String key, ConsumedEvent position, Function<Fulfillment, Change<Fulfillment>> decide) {
        return store.apply(
                        COLLECTION,
                        key,
                        Fulfillment.class,
                        position,
                        current -> current.map(decide).orElseGet(Change::none))
                .doOnNext(counters::count);
    }

    /** Applied when either was: what an event that reaches several parcels did. */
    private static Applied.Outcome either(Applied.Outcome one, Applied.Outcome other) {
        if (one == Applied.Outcome.APPLIED || other == Applied.Outcome.APPLIED) {
            return Applied.Outcome.APPLIED;
        }
        return one == Applied.Outcome.UNCHANGED || other == Applied.Outcome.UNCHANGED
                ? Applied.Outcome.UNCHANGED
                : Applied.Outcome.DUPLICATE;
    }

    /**
     * The parcels of an order: its first, and the one that follows when the order was split. Not an
     * exchange's replacement: it carries units the order's parcels carried already, so a later
     * return of them is awaited there, and nothing the order says reaches it.
     */
    public Flux<Fulfillment> parcelsOf(String orderId) {
        return find(orderId)
                .flatMapMany(first -> first.followUp() == null
                        ? Flux.just(first)
                        : Flux.concat(Mono.just(first), find(first.followUp().key())));
    }

    /** Applies {@code decide} to the shipment of each of {@code shipmentIds}, as one consumed event. */
    public Mono<Applied.Outcome> onBatchEvent(
            List<String> shipmentIds, ConsumedEvent position, Function<Fulfillment, Change<Fulfillment>> decide) {
        return Flux.fromIterable(shipmentIds)
                .concatMap(shipmentId -> onShipmentEvent(shipmentId, position, decide))
                .then(Mono.just(Applied.Outcome.APPLIED));
    }

    /** Applies a staff command to a shipment that exists, by its document's key. */
    public Mono<Fulfillment> change(String key, Function<Fulfillment, Change<Fulfillment>> decide) {
        return store.apply(
                        COLLECTION,
                        key,
                        Fulfillment.class,
                        current -> current.map(decide).orElseGet(Change::none))
                .doOnNext(counters::count)
                .mapNotNull(Applied::state);
    }

    public Mono<Fulfillment> dispatch(
            String key, String carrier, String trackingNumber, boolean checkedNow, String by) {
        return change(
                key, fulfillment -> fulfillment.dispatch(carrier, trackingNumber, checkedNow, by, clock.instant()));
    }

    /**
     * The warehouse's check of a parcel against its checklist, naming the items of it found
     * {@code missing} (each must be on the checklist as the listing now publishes it).
     */
    public Mono<Fulfillment> inspect(
            String key, boolean complete, String note, List<Checklist.Missing> missing, String by) {
        return find(key)
                .flatMap(checklists::listedFor)
                .flatMap(listed -> change(
                        key,
                        fulfillment -> fulfillment.inspected(
                                complete, note, missing, Checklist.of(fulfillment, listed), by, clock.instant())));
    }
}

package io.storeops.fulfillment.shipping;

import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.events.fulfillment.ReturnReceived;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundApproved;
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

    public Fulfillments(AggregateStore store, StockLedger stock, Clock clock, EventCounters counters) {
        this.store = store;
        this.stock = stock;
        this.clock = clock;
        this.counters = counters;
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
                .concatMap(shipment -> change(shipment.orderId(), current -> current.tracked(update)))
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

    public Mono<Fulfillment> find(String orderId) {
        return store.find(COLLECTION, orderId, Fulfillment.class);
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
                        Fulfillment.orderIdOf(shipmentId).map(this::find).orElseGet(Mono::empty));
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
     * the shipment wait for it. The reservations are made once, before the shipment exists; asking
     * again (a redelivered payment) finds them made.
     */
    public Mono<Applied.Outcome> orderPaid(OrderPaid paid, ConsumedEvent position) {
        return find(paid.orderId())
                .map(existing -> List.<ItemQuantity>of())
                .switchIfEmpty(Mono.defer(() -> shortagesAfterReserving(paid)))
                .flatMap(shortages -> store.apply(
                        COLLECTION,
                        paid.orderId(),
                        Fulfillment.class,
                        position,
                        current -> Fulfillment.forPaidOrder(current, paid, shortages, clock.instant())))
                .doOnNext(counters::count)
                .flatMap(applied -> servedMeanwhile(applied.state()).thenReturn(applied.outcome()));
    }

    /**
     * Reserves the units of each SKU (lines of one SKU together) the store keeps stock of; what is
     * missing, per SKU.
     */
    private Mono<List<ItemQuantity>> shortagesAfterReserving(OrderPaid paid) {
        Instant paidAt = paid.paidAt() == null ? clock.instant() : paid.paidAt();
        return reserve(paid.storeId(), paid.orderId(), paidAt, unitsBySku(Fulfillment.linesOf(paid)));
    }

    /** Reserves {@code units} of each SKU for the order's shipment; what is missing, per SKU. */
    private Mono<List<ItemQuantity>> reserve(
            String storeId, String orderId, Instant paidAt, Map<String, Integer> units) {
        String shipmentId = Fulfillment.shipmentIdFor(orderId);
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
     * Customer service changed a line's item: the SKUs whose units change (the old one, the new one)
     * give back what the shipment held and reserve what it needs now, then the shipment takes the
     * change with what is still missing. A change taken before (the shipment has the new item)
     * touches no stock, so a redelivery cannot move the shipment to the back of a queue.
     */
    public Mono<Applied.Outcome> itemChanged(OrderItemChanged change, ConsumedEvent position) {
        return find(change.orderId())
                .filter(shipment -> shipment.isInWarehouse() && !shipment.hasItem(change.lineIndex(), change.toSku()))
                .flatMap(shipment -> {
                    Map<String, Integer> before = unitsBySku(shipment.lines());
                    Map<String, Integer> after = unitsBySku(Fulfillment.linesOf(
                            shipment.linesAfterChange(change.lineIndex(), change.toSku(), change.toTitle())));
                    Set<String> changed = new LinkedHashSet<>(before.keySet());
                    changed.addAll(after.keySet());
                    changed.removeIf(sku -> Objects.equals(before.get(sku), after.get(sku)));
                    Map<String, Integer> needed = new LinkedHashMap<>();
                    changed.forEach(sku -> needed.put(sku, after.getOrDefault(sku, 0)));
                    return Flux.fromIterable(changed)
                            .concatMap(sku -> stock.release(shipment.storeId(), sku, shipment.shipmentId()))
                            .then(reserve(shipment.storeId(), shipment.orderId(), shipment.paidAt(), needed))
                            .map(shortages -> new ReReserved(changed, shortages));
                })
                .defaultIfEmpty(new ReReserved(Set.of(), List.of()))
                .flatMap(reReserved -> onOrderEvent(
                        change.orderId(),
                        position,
                        shipment -> shipment.itemChanged(
                                change.lineIndex(),
                                change.toSku(),
                                change.toTitle(),
                                reReserved.skus(),
                                reReserved.shortages(),
                                change.changedAt())));
    }

    /** The SKUs whose reservations an item change redid, and what is still missing of them. */
    private record ReReserved(Set<String> skus, List<ItemQuantity> shortages) {}

    /**
     * Units served to a short line between its reservation and the shipment's creation were
     * announced (StockAllocated) before the shipment existed to take them: it takes them now.
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
                                created.orderId(),
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
        return find(stopped.orderId())
                .flatMap(fulfillment -> eachSku(
                        fulfillment.lines(), sku -> stock.release(stopped.storeId(), sku, stopped.shipmentId())))
                .defaultIfEmpty(Applied.Outcome.UNCHANGED);
    }

    /** The resellable units of a received return go back to stock, as the receipt on the shipment says. */
    public Mono<Applied.Outcome> returnedToStock(ReturnReceived received) {
        return find(received.orderId())
                .mapNotNull(shipment -> shipment.returnCase(received.refundId()))
                .filter(returned -> returned.receipt() != null && !returned.restocked())
                .flatMap(returned -> Flux.fromIterable(returned.receipt().lines())
                        .filter(line -> line.resellable() > 0)
                        .concatMap(line -> stock.returned(
                                received.storeId(),
                                line.sku(),
                                line.resellable(),
                                received.refundId(),
                                received.receivedBy()))
                        .then(change(received.orderId(), shipment -> shipment.restocked(received.refundId()))))
                .thenReturn(Applied.Outcome.APPLIED)
                .defaultIfEmpty(Applied.Outcome.UNCHANGED);
    }

    /**
     * A refund approved: the shipment is intercepted or its return awaited; a full refund for an
     * order whose payment fulfilment has not seen yet makes the shipment cancelled beforehand.
     */
    public Mono<Applied.Outcome> refundApproved(RefundApproved approved, ConsumedEvent position) {
        return store.apply(
                        COLLECTION,
                        approved.orderId(),
                        Fulfillment.class,
                        position,
                        current -> current.map(shipment -> shipment.refundApproved(
                                        approved.refundId(), approved.type(), approved.amount(), approved.decidedAt()))
                                .orElseGet(() -> Fulfillment.interceptedBeforePayment(
                                        approved.orderId(),
                                        approved.storeId(),
                                        approved.refundId(),
                                        approved.decidedAt())))
                .doOnNext(counters::count)
                .map(Applied::outcome);
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

    /** Applies an order event to the order's existing fulfilment; events for unknown orders change nothing. */
    public Mono<Applied.Outcome> onOrderEvent(
            String orderId, ConsumedEvent position, Function<Fulfillment, Change<Fulfillment>> decide) {
        return store.apply(
                        COLLECTION,
                        orderId,
                        Fulfillment.class,
                        position,
                        current -> current.map(decide).orElseGet(Change::none))
                .doOnNext(counters::count)
                .map(Applied::outcome);
    }

    /** Applies {@code decide} to the shipment of each of {@code shipmentIds}, as one consumed event. */
    public Mono<Applied.Outcome> onBatchEvent(
            List<String> shipmentIds, ConsumedEvent position, Function<Fulfillment, Change<Fulfillment>> decide) {
        return Flux.fromIterable(shipmentIds)
                .flatMap(shipmentId -> Mono.justOrEmpty(Fulfillment.orderIdOf(shipmentId)))
                .concatMap(orderId -> onOrderEvent(orderId, position, decide))
                .then(Mono.just(Applied.Outcome.APPLIED));
    }

    /** Applies a staff command to a shipment that exists. */
    public Mono<Fulfillment> change(String orderId, Function<Fulfillment, Change<Fulfillment>> decide) {
        return store.apply(
                        COLLECTION,
                        orderId,
                        Fulfillment.class,
                        current -> current.map(decide).orElseGet(Change::none))
                .doOnNext(counters::count)
                .mapNotNull(Applied::state);
    }

    public Mono<Fulfillment> dispatch(
            String orderId, String carrier, String trackingNumber, boolean checkedNow, String by) {
        return change(
                orderId, fulfillment -> fulfillment.dispatch(carrier, trackingNumber, checkedNow, by, clock.instant()));
    }

    public Mono<Fulfillment> inspect(String orderId, boolean complete, String note, String by) {
        return change(orderId, fulfillment -> fulfillment.inspected(complete, note, by, clock.instant()));
    }
}

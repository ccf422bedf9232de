package io.storeops.fulfillment.shipping;

import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderPaid;
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
import java.util.List;
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

    /** The index behind the warehouse's work list ({@link #list}). */
    @Override
    public void run(ApplicationArguments arguments) {
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_status_oldest_first", Fulfillment.class)
                        .ascending("storeId")
                        .ascending("status")
                        .ascending("createdAt"));
    }

    public Mono<Fulfillment> find(String orderId) {
        return store.find(COLLECTION, orderId, Fulfillment.class);
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
                .map(Applied::outcome);
    }

    /** Reserves each line's units (SKUs the store keeps stock of); what is missing, per SKU. */
    private Mono<List<ItemQuantity>> shortagesAfterReserving(OrderPaid paid) {
        String shipmentId = Fulfillment.shipmentIdFor(paid.orderId());
        Instant paidAt = paid.paidAt() == null ? clock.instant() : paid.paidAt();
        return Flux.fromIterable(Fulfillment.linesOf(paid))
                .concatMap(line -> stock.reserve(
                                paid.storeId(),
                                line.sku(),
                                new StockItem.Waiting(shipmentId, paid.orderId(), line.quantity(), paidAt))
                        .filter(item -> !item.holdsFor(shipmentId))
                        .map(item -> new ItemQuantity(line.sku(), item.missingFor(shipmentId))))
                .collectList();
    }

    /** The reserved units of a dispatched shipment leave the stock. */
    public Mono<Applied.Outcome> shipped(ShipmentDispatched parcel) {
        return eachLine(
                parcel.storeId(),
                parcel.lines(),
                sku -> stock.ship(parcel.storeId(), sku, parcel.shipmentId(), parcel.dispatchedBy()));
    }

    /** A cancelled shipment gives its units back (or stops waiting for them). */
    public Mono<Applied.Outcome> cancelled(ShipmentCancelled stopped) {
        return find(stopped.orderId())
                .flatMap(fulfillment -> eachLine(
                        stopped.storeId(),
                        fulfillment.lines(),
                        sku -> stock.release(stopped.storeId(), sku, stopped.shipmentId())))
                .defaultIfEmpty(Applied.Outcome.UNCHANGED);
    }

    private static Mono<Applied.Outcome> eachLine(
            String storeId, List<ItemQuantity> lines, Function<String, Mono<StockItem>> change) {
        return Flux.fromIterable(lines)
                .concatMap(line -> change.apply(line.sku()))
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

    public Mono<Fulfillment> dispatch(String orderId, String carrier, String trackingNumber, String by) {
        return store.apply(
                        COLLECTION,
                        orderId,
                        Fulfillment.class,
                        current -> current.map(fulfillment ->
                                        fulfillment.dispatch(carrier, trackingNumber, by, clock.instant()))
                                .orElseGet(Change::none))
                .doOnNext(counters::count)
                .mapNotNull(Applied::state);
    }
}

package io.storeops.fulfillment.stock;

import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stock ledger: one document per store and SKU, each change written whole through the
 * aggregate store, so concurrent reservations of a SKU's last unit are serialised and exactly one
 * gets it.
 */
@Component
public class StockLedger implements ApplicationRunner {

    static final String COLLECTION = "stock";

    private final AggregateStore store;
    private final Clock clock;
    private final EventCounters counters;

    StockLedger(AggregateStore store, Clock clock, EventCounters counters) {
        this.store = store;
        this.clock = clock;
        this.counters = counters;
    }

    /** The index behind a store's stock list, by SKU. */
    @Override
    public void run(ApplicationArguments arguments) {
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_sku", StockItem.class)
                        .ascending("storeId")
                        .ascending("sku"));
    }

    public Mono<StockItem> find(String storeId, String sku) {
        return store.find(COLLECTION, StockItem.idFor(storeId, sku), StockItem.class);
    }

    /** A page of a store's SKUs in SKU order, after {@code afterSku} (from the first when null). */
    public Flux<StockItem> list(String storeId, String afterSku, int limit) {
        StateQuery<StockItem> query = StateQuery.of(StockItem.class).is("storeId", storeId);
        if (afterSku != null) {
            query = query.afterAscending("sku", afterSku, StockItem.idFor(storeId, afterSku));
        }
        return store.findAll(COLLECTION, query.ascending("sku").limit(limit));
    }

    public Mono<StockItem> count(StockMovement.Request counted) {
        return change(counted, current -> StockItem.count(current, counted));
    }

    public Mono<StockItem> adjust(StockMovement.Request adjustment) {
        return change(adjustment, current -> StockItem.adjust(current, adjustment));
    }

    /**
     * Asks for a paid shipment line's units: the SKU's stock as it now is (holding them, or with
     * the line waiting), or empty when the store does not keep stock of the SKU — such a line ships
     * without a reservation, as an untracked item does on Shopify.
     */
    public Mono<StockItem> reserve(String storeId, String sku, StockItem.Waiting line) {
        return tracked(storeId, sku, item -> item.reserve(line, clock.instant()));
    }

    /** Frees a shipment's units (or stops it waiting); those waiting longest may get them. */
    public Mono<StockItem> release(String storeId, String sku, String shipmentId) {
        return tracked(storeId, sku, item -> item.release(shipmentId, clock.instant()));
    }

    /** A split order's units of {@code sku}, held or awaited, pass from its first parcel to the one that follows. */
    public Mono<StockItem> handOver(String storeId, String sku, String fromShipmentId, String toShipmentId) {
        return tracked(storeId, sku, item -> item.handOver(fromShipmentId, toShipmentId));
    }

    /** The shipment's reserved units left with its parcel. */
    public Mono<StockItem> ship(String storeId, String sku, String shipmentId, String by) {
        return tracked(storeId, sku, item -> item.ship(shipmentId, by, clock.instant()));
    }

    /** Resellable units of a return back on the shelf (a SKU the store does not keep stock of stays untracked). */
    public Mono<StockItem> returned(String storeId, String sku, int units, String refundId, String by) {
        return tracked(storeId, sku, item -> item.returned(units, refundId, by, clock.instant()));
    }

    private Mono<StockItem> tracked(String storeId, String sku, Function<StockItem, Change<StockItem>> decide) {
        return store.apply(
                        COLLECTION,
                        StockItem.idFor(storeId, sku),
                        StockItem.class,
                        current -> current.map(decide).orElseGet(Change::none))
                .doOnNext(counters::count)
                .mapNotNull(Applied::state);
    }

    private Mono<StockItem> change(
            StockMovement.Request request, Function<Optional<StockItem>, Change<StockItem>> decide) {
        return store.apply(COLLECTION, StockItem.idFor(request.storeId(), request.sku()), StockItem.class, decide)
                .doOnNext(counters::count)
                .mapNotNull(Applied::state);
    }
}

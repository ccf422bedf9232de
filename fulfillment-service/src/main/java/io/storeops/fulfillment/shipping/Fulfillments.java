package io.storeops.fulfillment.shipping;

import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import java.time.Clock;
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
    private final Clock clock;
    private final EventCounters counters;

    public Fulfillments(AggregateStore store, Clock clock, EventCounters counters) {
        this.store = store;
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

    public Mono<Applied.Outcome> orderPaid(OrderPaid paid, ConsumedEvent position) {
        return store.apply(
                        COLLECTION,
                        paid.orderId(),
                        Fulfillment.class,
                        position,
                        current -> Fulfillment.forPaidOrder(current, paid, clock.instant()))
                .doOnNext(counters::count)
                .map(Applied::outcome);
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

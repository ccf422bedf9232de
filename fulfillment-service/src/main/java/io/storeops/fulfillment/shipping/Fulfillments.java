package io.storeops.fulfillment.shipping;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.events.OrderPaid;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The fulfilments collection; every change goes out with its events through the aggregate store. */
@Component
public class Fulfillments {

    static final String COLLECTION = "fulfillments";

    private final AggregateStore store;
    private final Clock clock;
    private final StoreCounter dispatched;

    public Fulfillments(AggregateStore store, Clock clock, MeterRegistry meters, StoreCatalog stores) {
        this.store = store;
        this.clock = clock;
        this.dispatched = new StoreCounter(meters, stores, "storeops.shipments.dispatched", "Shipments handed to carriers, by store");
    }

    public Mono<Fulfillment> find(String orderId) {
        return store.find(COLLECTION, orderId, Fulfillment.class);
    }

    public Flux<Fulfillment> list(String storeId, ShipmentStatus status, int limit) {
        Query query = new Query(where("state.storeId").is(storeId).and("state.status").is(status.name()))
                .with(Sort.by("state.createdAt")).limit(limit);
        return store.findAll(COLLECTION, query, Fulfillment.class);
    }

    public Mono<Applied.Outcome> orderPaid(OrderPaid paid, ConsumedEvent position) {
        return store.apply(COLLECTION, paid.orderId(), Fulfillment.class, position,
                current -> Fulfillment.forPaidOrder(current, paid, clock.instant())).map(Applied::outcome);
    }

    /** Applies an order event to the order's existing fulfilment; events for unknown orders change nothing. */
    public Mono<Applied.Outcome> onOrderEvent(String orderId, ConsumedEvent position, Function<Fulfillment, Change<Fulfillment>> decide) {
        return store.apply(COLLECTION, orderId, Fulfillment.class, position, current -> current.map(decide).orElseGet(Change::none))
                .map(Applied::outcome);
    }

    public Mono<Fulfillment> dispatch(String orderId, String carrier, String trackingNumber, String by) {
        return store.apply(COLLECTION, orderId, Fulfillment.class, current -> current
                        .map(fulfillment -> fulfillment.dispatch(carrier, trackingNumber, by, clock.instant()))
                        .orElseGet(Change::none))
                .doOnNext(applied -> {
                    if (applied.outcome() == Applied.Outcome.APPLIED) {
                        dispatched.increment(applied.state().storeId());
                    }
                })
                .mapNotNull(Applied::state);
    }
}

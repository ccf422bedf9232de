package io.storeops.order.lifecycle;

import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The orders collection: every change goes through the aggregate store, so its events go out with
 * it; the business counters count those events, so nothing is counted that was not written.
 */
@Component
public class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    public static final String COLLECTION = "orders";

    private final AggregateStore store;
    private final OrderMetrics metrics;
    private final Clock clock;
    private final ReactiveMongoTemplate mongo;
    private final ReviewPolicy review;

    Orders(AggregateStore store, ReactiveMongoTemplate mongo, OrderMetrics metrics, ReviewPolicy review, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.review = review;
    }

    public Mono<Order> find(String orderId) {
        return store.find(COLLECTION, orderId, Order.class);
    }

    /**
     * A storefront message placing or paying an order, or a newer state of one; the store's review
     * rules decide whether a paid order waits for review.
     */
    public Mono<Applied<Order>> receive(StorefrontOrder told) {
        Set<HoldReason> holds = review.holdsFor(told);
        return write(told.orderId(), current -> StorefrontMessages.receive(current, told, holds,
                review.addressDoubts(told.storeId()), clock.instant()));
    }

    /** The storefront reports an order it cancelled ({@link StorefrontMessages#receiveCancellation}). */
    public Mono<Applied<Order>> receiveCancellation(String orderId, Supplier<StorefrontOrder> detailsIfUnknown, String reason) {
        return write(orderId, current -> StorefrontMessages.receiveCancellation(current, detailsIfUnknown, reason, clock.instant()));
    }

    /** Cancels an existing order; empty when there is no such order. */
    public Mono<Order> cancel(String orderId, String cancelledBy, String reason) {
        return change(orderId, (order, now) -> order.cancel(reason, cancelledBy, now));
    }

    /** Holds an existing order for review; empty when there is no such order. */
    public Mono<Order> hold(String orderId, String by, String comment) {
        return change(orderId, (order, now) -> order.hold(by, comment, now));
    }

    /** Releases an order from review; empty when there is no such order. */
    public Mono<Order> release(String orderId, String by, String comment) {
        return change(orderId, (order, now) -> order.releaseFromReview(by, comment, now));
    }

    /** Runs a feature's decision on an existing order, now; empty when there is no such order. */
    public Mono<Order> change(String orderId, BiFunction<Order, Instant, Change<Order>> decide) {
        return write(orderId, current -> current.map(order -> decide.apply(order, clock.instant())).orElseGet(Change::none))
                .mapNotNull(Applied::state);
    }

    /** Orders matching {@code query}, whose criteria name order fields as {@code state.<field>}. */
    public Flux<Order> findAll(Query query) {
        return store.findAll(COLLECTION, query, Order.class);
    }

    /** How many orders match {@code query}; for queue lengths, not hot paths. */
    public Mono<Long> count(Query query) {
        return store.count(COLLECTION, query);
    }

    /**
     * Creates an index a feature's queries need, idempotently; when the store refuses, queries stay
     * correct but scan, so start-up goes on with a warning. The embedded store accepts and ignores it.
     */
    public void declareIndex(Index index) {
        mongo.indexOps(COLLECTION).createIndex(index)
                .onErrorResume(failure -> {
                    log.warn("Could not create the index {} on orders; its queries stay correct but scan: {}",
                            index.getIndexOptions().get("name"), failure.toString());
                    return Mono.empty();
                })
                .block();
    }

    private Mono<Applied<Order>> write(String orderId, Function<Optional<Order>, Change<Order>> decide) {
        return store.apply(COLLECTION, orderId, Order.class, decide).doOnNext(this::count);
    }

    /** Applies a consumed event to an existing order; events for orders this service never saw change nothing. */
    public Mono<Applied.Outcome> onEvent(String orderId, ConsumedEvent position, Function<Order, Change<Order>> decide) {
        return store.apply(COLLECTION, orderId, Order.class, position,
                        (Optional<Order> current) -> current.map(decide).orElseGet(Change::none))
                .map(Applied::outcome);
    }

    private void count(Applied<Order> applied) {
        applied.events().forEach(metrics::count);
    }
}

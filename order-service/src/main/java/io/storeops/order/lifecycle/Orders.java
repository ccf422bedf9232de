package io.storeops.order.lifecycle;

import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The orders collection: every change goes through the aggregate store, so its events go out with
 * it; the business counters count those events, so nothing is counted that was not written.
 */
@Component
public class Orders {

    public static final String COLLECTION = "orders";

    private final AggregateStore store;
    private final EventCounters counters;
    private final Clock clock;
    private final ReviewPolicy review;
    private final SearchKeys searchKeys;

    Orders(AggregateStore store, EventCounters counters, ReviewPolicy review, SearchKeys searchKeys, Clock clock) {
        this.store = store;
        this.counters = counters;
        this.clock = clock;
        this.review = review;
        this.searchKeys = searchKeys;
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
        return write(
                told.orderId(),
                current -> StorefrontMessages.receive(
                        current, told, holds, review.addressDoubts(told.storeId()), clock.instant()));
    }

    /** The storefront reports an order it cancelled ({@link StorefrontMessages#receiveCancellation}). */
    public Mono<Applied<Order>> receiveCancellation(
            String orderId, Supplier<StorefrontOrder> detailsIfUnknown, String reason) {
        return write(
                orderId,
                current -> StorefrontMessages.receiveCancellation(current, detailsIfUnknown, reason, clock.instant()));
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
        return write(
                        orderId,
                        current -> current.map(order -> decide.apply(order, clock.instant()))
                                .orElseGet(Change::none))
                .mapNotNull(Applied::state);
    }

    /** Orders matching {@code query}, in its order. */
    public Flux<Order> findAll(StateQuery<Order> query) {
        return store.findAll(COLLECTION, query);
    }

    /** How many orders match {@code query}; for queue lengths, not hot paths. */
    public Mono<Long> count(StateQuery<Order> query) {
        return store.count(COLLECTION, query);
    }

    /** Creates an index that a feature's query needs, at start (see {@link AggregateStore#declareIndex}). */
    public void declareIndex(StateIndex<Order> index) {
        store.declareIndex(COLLECTION, index);
    }

    private Mono<Applied<Order>> write(String orderId, Function<Optional<Order>, Change<Order>> decide) {
        return store.apply(COLLECTION, orderId, Order.class, current -> findable(decide.apply(current)))
                .doOnNext(counters::count);
    }

    /** Applies a consumed event to an existing order; events for orders this service never saw change nothing. */
    public Mono<Applied.Outcome> onEvent(
            String orderId, ConsumedEvent position, Function<Order, Change<Order>> decide) {
        return store.apply(
                        COLLECTION,
                        orderId,
                        Order.class,
                        position,
                        (Optional<Order> current) ->
                                findable(current.map(decide).orElseGet(Change::none)))
                .doOnNext(counters::count)
                .map(Applied::outcome);
    }

    /** The decided order with what finds it in searches, as search says now. */
    private Change<Order> findable(Change<Order> change) {
        return change.map(order -> order.withBuyerTerms(searchKeys.buyerTermsOf(order)));
    }
}

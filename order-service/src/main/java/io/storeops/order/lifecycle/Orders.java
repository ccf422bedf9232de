package io.storeops.order.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.storeops.contracts.Address;
import io.storeops.order.review.HoldReason;
import io.storeops.order.review.HoldRules;
import io.storeops.order.review.ReviewProperties;
import io.storeops.order.stockout.BuyerContact;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.data.domain.Sort;
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

    public static final String COLLECTION = "orders";

    private final AggregateStore store;
    private final OrderMetrics metrics;
    private final Clock clock;
    private final ReviewProperties review;

    Orders(AggregateStore store, OrderMetrics metrics, ReviewProperties review, Clock clock) {
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
        HoldRules rules = review.rulesOf(told.storeId());
        Set<HoldReason> holds = rules.reasonsFor(told.buyerNote(), told.shippingAddress(), told.requestedCarrier(), told.total());
        return write(told.orderId(), current -> StorefrontMessages.receive(current, told, holds, rules.addressCheck(), clock.instant()));
    }

    /** The storefront reports an order it cancelled ({@link StorefrontMessages#receiveCancellation}). */
    public Mono<Applied<Order>> receiveCancellation(String orderId, Supplier<StorefrontOrder> detailsIfUnknown, String reason) {
        return write(orderId, current -> StorefrontMessages.receiveCancellation(current, detailsIfUnknown, reason, clock.instant()));
    }

    /** Cancels an existing order; empty when there is no such order. */
    public Mono<Order> cancel(String orderId, String cancelledBy, String reason) {
        return change(orderId, order -> order.cancel(reason, cancelledBy, clock.instant()));
    }

    /** Holds an existing order for review; empty when there is no such order. */
    public Mono<Order> hold(String orderId, String by, String comment) {
        return change(orderId, order -> order.hold(by, comment, clock.instant()));
    }

    /** Releases an order from review; empty when there is no such order. */
    public Mono<Order> release(String orderId, String by, String comment) {
        return change(orderId, order -> order.releaseFromReview(by, comment, clock.instant()));
    }

    /** Corrects an order's shipping address before dispatch; empty when there is no such order. */
    public Mono<Order> changeAddress(String orderId, String by, Address corrected) {
        return change(orderId, order -> order.changeAddress(corrected, review.rulesOf(order.storeId()).addressCheck(), by, clock.instant()));
    }

    /** Records customer service's contact with the buyer about a stock-out; empty when there is no such order. */
    public Mono<Order> recordBuyerContact(String orderId, String by, BuyerContact.Channel channel, BuyerContact.Outcome outcome,
                                          String note) {
        return change(orderId, order -> StockOutFollowUp.buyerContacted(order, new BuyerContact(channel, outcome, note, by, clock.instant())));
    }

    /** Orders of a store waiting for review, longest waiting (earliest paid) first. */
    public Flux<Order> reviewQueue(String storeId, int limit) {
        return store.findAll(COLLECTION, heldIn(storeId).with(Sort.by("state.told.paidAt")).limit(limit), Order.class);
    }

    public Mono<Long> reviewQueueLength(String storeId) {
        return store.count(COLLECTION, heldIn(storeId));
    }

    /** Orders of a store whose buyer must be told about a stock-out, longest waiting first. */
    public Flux<Order> stockOutQueue(String storeId, int limit) {
        return store.findAll(COLLECTION, stockOutIn(storeId).with(Sort.by("state.stockOut.openSince")).limit(limit), Order.class);
    }

    public Mono<Long> stockOutQueueLength(String storeId) {
        return store.count(COLLECTION, stockOutIn(storeId));
    }

    /** Orders matching {@code query}, whose criteria name order fields as {@code state.<field>}. */
    public Flux<Order> findAll(Query query) {
        return store.findAll(COLLECTION, query, Order.class);
    }

    private static Query heldIn(String storeId) {
        return new Query(where("state.told.storeId").is(storeId).and("state.progress").is(Progress.ON_HOLD.name()));
    }

    private static Query stockOutIn(String storeId) {
        return new Query(where("state.told.storeId").is(storeId).and("state.stockOut.openSince").ne(null));
    }

    private Mono<Order> change(String orderId, Function<Order, Change<Order>> command) {
        return write(orderId, current -> current.map(command).orElseGet(Change::none)).mapNotNull(Applied::state);
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

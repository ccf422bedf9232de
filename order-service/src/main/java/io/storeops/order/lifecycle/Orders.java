package io.storeops.order.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.Address;
import io.storeops.order.review.HoldReason;
import io.storeops.order.review.HoldRules;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The orders collection: every change goes through the aggregate store, so its events go out with it. */
@Component
public class Orders {

    static final String COLLECTION = "orders";

    private final AggregateStore store;
    private final MeterRegistry meters;
    private final StoreCounter paidOrders;
    private final Clock clock;
    private final StoreCatalog stores;

    public Orders(AggregateStore store, MeterRegistry meters, StoreCatalog stores, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.stores = stores;
        this.meters = meters;
        this.paidOrders = new StoreCounter(meters, stores, "storeops.orders.paid", "Orders paid, by store");
    }

    public Mono<Order> find(String orderId) {
        return store.find(COLLECTION, orderId, Order.class);
    }

    public Mono<Applied<Order>> receivePayment(PaidOrder paid) {
        Set<HoldReason> holds = holdRules(paid.storeId()).reasonsFor(paid.buyerNote(), paid.shippingAddress(),
                paid.requestedCarrier(), paid.total());
        return store.apply(COLLECTION, paid.orderId(), Order.class, current -> Order.receivePayment(current, paid, holds))
                .doOnNext(applied -> {
                    if (applied.outcome() == Applied.Outcome.APPLIED) {
                        countPaid(applied.state());
                    }
                });
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
        return change(orderId, order -> order.changeAddress(corrected, holdRules(order.storeId()).addressCheck(), by, clock.instant()));
    }

    /** Orders of a store waiting for review, longest waiting (earliest paid) first. */
    public Flux<Order> reviewQueue(String storeId, int limit) {
        return store.findAll(COLLECTION, heldIn(storeId).with(Sort.by("state.paidAt")).limit(limit), Order.class);
    }

    public Mono<Long> reviewQueueLength(String storeId) {
        return store.count(COLLECTION, heldIn(storeId));
    }

    private static Query heldIn(String storeId) {
        return new Query(where("state.storeId").is(storeId).and("state.progress").is(Progress.ON_HOLD.name()));
    }

    private Mono<Order> change(String orderId, Function<Order, Change<Order>> command) {
        return store.apply(COLLECTION, orderId, Order.class, current -> current.map(command).orElseGet(Change::none))
                .mapNotNull(Applied::state);
    }

    private HoldRules holdRules(String storeId) {
        return new HoldRules(stores.find(storeId).map(StoreProperties.Store::review)
                .orElseGet(() -> new StoreProperties.Review(null, null, null, null)));
    }

    /** Applies a consumed event to an existing order; events for orders this service never saw change nothing. */
    public Mono<Applied.Outcome> onEvent(String orderId, ConsumedEvent position, Function<Order, Change<Order>> decide) {
        return store.apply(COLLECTION, orderId, Order.class, position,
                        (Optional<Order> current) -> current.map(decide).orElseGet(Change::none))
                .map(Applied::outcome);
    }

    private void countPaid(Order order) {
        paidOrders.increment(order.storeId());
        order.holds().forEach(reason -> Counter.builder("storeops.orders.held").description("Orders held for review, by store and reason")
                .tags("store", order.storeId(), "reason", reason.name()).register(meters).increment());
        Counter.builder("storeops.orders.gmv").description("Paid order value in minor units, by store and currency")
                .baseUnit("minor_units")
                .tags("store", order.storeId(), "currency", order.total().currency())
                .register(meters).increment(order.total().amountMinor());
    }
}

package io.storeops.order.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The orders collection: every change goes through the aggregate store, so its events go out with it. */
@Component
public class Orders {

    static final String COLLECTION = "orders";

    private final AggregateStore store;
    private final MeterRegistry meters;
    private final StoreCounter paidOrders;
    private final Clock clock;

    public Orders(AggregateStore store, MeterRegistry meters, StoreCatalog stores, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
        this.paidOrders = new StoreCounter(meters, stores, "storeops.orders.paid", "Orders paid, by store");
    }

    public Mono<Order> find(String orderId) {
        return store.find(COLLECTION, orderId, Order.class);
    }

    public Mono<Applied<Order>> receivePayment(PaidOrder paid) {
        return store.apply(COLLECTION, paid.orderId(), Order.class, current -> Order.receivePayment(current, paid))
                .doOnNext(applied -> {
                    if (applied.outcome() == Applied.Outcome.APPLIED) {
                        countPaid(applied.state());
                    }
                });
    }

    /** Cancels an existing order; empty when there is no such order. */
    public Mono<Order> cancel(String orderId, String reason, String cancelledBy) {
        return store.apply(COLLECTION, orderId, Order.class, current -> current
                        .map(order -> order.cancel(reason, cancelledBy, clock.instant()))
                        .orElseGet(Change::none))
                .mapNotNull(Applied::state);
    }

    /** Applies a consumed event to an existing order; events for orders this service never saw change nothing. */
    public Mono<Applied.Outcome> onEvent(String orderId, ConsumedEvent position, Function<Order, Change<Order>> decide) {
        return store.apply(COLLECTION, orderId, Order.class, position,
                        (Optional<Order> current) -> current.map(decide).orElseGet(Change::none))
                .map(Applied::outcome);
    }

    private void countPaid(Order order) {
        paidOrders.increment(order.storeId());
        Counter.builder("storeops.orders.gmv").description("Paid order value in minor units, by store and currency")
                .baseUnit("minor_units")
                .tags("store", order.storeId(), "currency", order.total().currency())
                .register(meters).increment(order.total().amountMinor());
    }
}

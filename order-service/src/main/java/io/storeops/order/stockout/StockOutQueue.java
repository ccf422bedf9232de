package io.storeops.order.stockout;

import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Orders;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.paging.PageCursor;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The orders of a store whose buyer must be told about missing stock, longest waiting first, and the index behind them. */
@Component
public class StockOutQueue implements ApplicationRunner {

    private final Orders orders;

    StockOutQueue(Orders orders) {
        this.orders = orders;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        orders.declareIndex(StateIndex.named("store_stock_out_queue", Order.class)
                .ascending("told.storeId")
                .ascending("stockOut.openSince"));
    }

    /** At most {@code limit} open notices after {@code cursor} (from the longest waiting when null). */
    public Flux<Order> page(String storeId, PageCursor cursor, int limit) {
        StateQuery<Order> open = openIn(storeId);
        if (cursor != null) {
            open = open.afterAscending("stockOut.openSince", cursor.at(), cursor.id());
        }
        return orders.findAll(
                open.ascending("stockOut.openSince").thenByIdAscending().limit(limit));
    }

    /** Where an open notice stands in the queue. */
    public static Instant waitingSince(Order open) {
        return open.stockOut().openSince();
    }

    /** Since when the longest-waiting order of the queue has waited, if any waits. */
    public Mono<Instant> oldestWaitingSince(String storeId) {
        return page(storeId, null, 1).next().map(StockOutQueue::waitingSince);
    }

    public Mono<Long> length(String storeId) {
        return orders.count(openIn(storeId));
    }

    private static StateQuery<Order> openIn(String storeId) {
        return StateQuery.of(Order.class).is("told.storeId", storeId).present("stockOut.openSince");
    }
}

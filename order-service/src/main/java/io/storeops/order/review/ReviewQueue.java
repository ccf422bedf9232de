package io.storeops.order.review;

import io.storeops.order.lifecycle.HoldReason;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.Progress;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.paging.PageCursor;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The orders of a store waiting for review, longest waiting (earliest paid) first, and the index behind them. */
@Component
public class ReviewQueue implements ApplicationRunner {

    private final Orders orders;

    ReviewQueue(Orders orders) {
        this.orders = orders;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        orders.declareIndex(StateIndex.named("store_review_queue", Order.class)
                .ascending("told.storeId")
                .ascending("progress")
                .ascending("told.paidAt"));
    }

    /** At most {@code limit} held orders after {@code cursor} (from the longest waiting when null). */
    public Flux<Order> page(String storeId, PageCursor cursor, int limit) {
        StateQuery<Order> held = heldIn(storeId);
        if (cursor != null) {
            held = held.afterAscending("told.paidAt", cursor.at(), cursor.id());
        }
        return orders.findAll(held.ascending("told.paidAt").thenByIdAscending().limit(limit));
    }

    /** Where a held order stands in the queue. */
    public static Instant waitingSince(Order held) {
        return held.paidAt();
    }

    /** Since when the longest-waiting order of the queue has waited, if any waits. */
    public Mono<Instant> oldestWaitingSince(String storeId) {
        return page(storeId, null, 1).next().map(ReviewQueue::waitingSince);
    }

    public Mono<Long> length(String storeId) {
        return orders.count(heldIn(storeId));
    }

    /** How many of them a member of staff held (the rest the store's rules held). */
    public Mono<Long> heldByStaff(String storeId) {
        return orders.count(heldIn(storeId).is("holds", HoldReason.MANUAL.name()));
    }

    private static StateQuery<Order> heldIn(String storeId) {
        return StateQuery.of(Order.class).is("told.storeId", storeId).is("progress", Progress.ON_HOLD.name());
    }
}

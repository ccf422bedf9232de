package io.storeops.order.review;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.Progress;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
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
        orders.declareIndex(new Index().on("state.told.storeId", Sort.Direction.ASC).on("state.progress", Sort.Direction.ASC)
                .on("state.told.paidAt", Sort.Direction.ASC).named("store_review_queue"));
    }

    public Flux<Order> first(String storeId, int limit) {
        return orders.findAll(heldIn(storeId).with(Sort.by("state.told.paidAt")).limit(limit));
    }

    public Mono<Long> length(String storeId) {
        return orders.count(heldIn(storeId));
    }

    private static Query heldIn(String storeId) {
        return new Query(where("state.told.storeId").is(storeId).and("state.progress").is(Progress.ON_HOLD.name()));
    }
}

package io.storeops.order.stockout;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Orders;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
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
        orders.declareIndex(new Index().on("state.told.storeId", Sort.Direction.ASC).on("state.stockOut.openSince", Sort.Direction.ASC)
                .named("store_stock_out_queue"));
    }

    public Flux<Order> first(String storeId, int limit) {
        return orders.findAll(openIn(storeId).with(Sort.by("state.stockOut.openSince")).limit(limit));
    }

    public Mono<Long> length(String storeId) {
        return orders.count(openIn(storeId));
    }

    private static Query openIn(String storeId) {
        return new Query(where("state.told.storeId").is(storeId).and("state.stockOut.openSince").ne(null));
    }
}

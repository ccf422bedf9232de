package io.storeops.order.search;

import io.storeops.order.lifecycle.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The indexes behind staff searches and queues, so that MongoDB answers them without scanning a
 * store's whole history. Created on start, idempotently; the embedded store accepts and ignores them.
 */
@Component
class OrderIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrderIndexes.class);

    private final ReactiveMongoTemplate mongo;

    OrderIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Flux.just(
                        new Index().on("state.told.storeId", Sort.Direction.ASC).on("state.placedAt", Sort.Direction.DESC)
                                .on("_id", Sort.Direction.DESC).named("store_newest_first"),
                        new Index().on("state.told.storeId", Sort.Direction.ASC).on("state.progress", Sort.Direction.ASC)
                                .on("state.told.paidAt", Sort.Direction.ASC).named("store_review_queue"),
                        new Index().on("state.told.storeId", Sort.Direction.ASC).on("state.stockOut.openSince", Sort.Direction.ASC)
                                .named("store_stock_out_queue"))
                .concatMap(index -> mongo.indexOps(Orders.COLLECTION).createIndex(index))
                .onErrorResume(failure -> {
                    log.warn("Could not create the order search indexes; searches stay correct but scan: {}", failure.toString());
                    return Flux.empty();
                })
                .blockLast();
    }
}

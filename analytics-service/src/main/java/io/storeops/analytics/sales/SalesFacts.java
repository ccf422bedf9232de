package io.storeops.analytics.sales;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.storeops.contracts.events.OrderPaid;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Order facts and the sales summaries computed from them. */
@Component
public class SalesFacts {

    static final String COLLECTION = "order_facts";

    private final AggregateStore store;
    private final ReactiveMongoTemplate mongo;
    private final StoreCatalog stores;

    public SalesFacts(AggregateStore store, ReactiveMongoTemplate mongo, StoreCatalog stores) {
        this.store = store;
        this.mongo = mongo;
        this.stores = stores;
    }

    /** Paid orders and GMV of one currency, over a range of store-local days. */
    public record CurrencySales(String currency, long paidOrders, long gmvMinor) {
    }

    public Mono<Applied.Outcome> orderPaid(OrderPaid paid, ConsumedEvent position) {
        var zone = stores.find(paid.storeId()).map(StoreProperties.Store::zone).orElse(ZoneOffset.UTC);
        return store.apply(COLLECTION, paid.orderId(), OrderFact.class, position,
                current -> OrderFact.paid(current, paid, zone)).map(Applied::outcome);
    }

    public Flux<CurrencySales> sales(String storeId, LocalDate from, LocalDate to) {
        var aggregation = newAggregation(
                match(where("state.storeId").is(storeId).and("state.paidDay").gte(from.toString()).lte(to.toString())),
                group("state.currency").count().as("paidOrders").sum("state.gmvMinor").as("gmvMinor"),
                sort(Sort.by("_id")));
        return mongo.aggregate(aggregation, COLLECTION, Document.class)
                .map(row -> new CurrencySales(row.getString("_id"), ((Number) row.get("paidOrders")).longValue(),
                        ((Number) row.get("gmvMinor")).longValue()));
    }
}

package io.storeops.analytics.sales;

import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Order facts and the sales summaries computed from them. */
@Component
public class SalesFacts implements ApplicationRunner {

    static final String COLLECTION = "order_facts";

    private final AggregateStore store;
    private final StoreCatalog stores;

    public SalesFacts(AggregateStore store, StoreCatalog stores) {
        this.store = store;
        this.stores = stores;
    }

    /** Paid orders and GMV of one currency, over a range of store-local days. */
    public record CurrencySales(String currency, long paidOrders, long gmvMinor) {}

    public Mono<Applied.Outcome> orderPaid(OrderPaid paid, ConsumedEvent position) {
        var zone = stores.find(paid.storeId()).map(StoreProperties.Store::zone).orElse(ZoneOffset.UTC);
        return store.apply(
                        COLLECTION,
                        paid.orderId(),
                        OrderFact.class,
                        position,
                        current -> OrderFact.paid(current, paid, zone))
                .map(Applied::outcome);
    }

    /** The index behind the sales figures ({@link #sales}). */
    @Override
    public void run(ApplicationArguments arguments) {
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_paid_day", OrderFact.class)
                        .ascending("storeId")
                        .ascending("paidDay"));
    }

    public Flux<CurrencySales> sales(String storeId, LocalDate from, LocalDate to) {
        StateQuery<OrderFact> paidInRange = StateQuery.of(OrderFact.class)
                .is("storeId", storeId)
                .atLeast("paidDay", from.toString())
                .atMost("paidDay", to.toString());
        return store.totals(COLLECTION, paidInRange, "currency", "gmvMinor")
                .map(totals -> new CurrencySales(totals.group(), totals.count(), totals.sum()));
    }
}

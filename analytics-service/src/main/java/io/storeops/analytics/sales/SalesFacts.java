package io.storeops.analytics.sales;

import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
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

    /**
     * Paid orders and GMV of one currency, over a range of store-local days, and what was paid back:
     * of those orders (whenever), and on those days (whichever orders).
     *
     * @param refundedOfTheseOrdersMinor paid back of the orders paid in the range, to this day
     * @param netMinor                   GMV less what was paid back of those orders
     * @param refundedOnTheseDaysMinor   paid back on the range's days, whenever the orders were paid
     */
    public record CurrencySales(
            String currency,
            long paidOrders,
            long gmvMinor,
            long refundedOfTheseOrdersMinor,
            long netMinor,
            long refundedOnTheseDaysMinor) {}

    public Mono<Applied.Outcome> orderPaid(OrderPaid paid, ConsumedEvent position) {
        return onOrder(paid.orderId(), position, current -> OrderFact.paid(current, paid, zoneOf(paid.storeId())));
    }

    /**
     * Applies an event about order {@code orderId} to its fact, once per event (the consumed
     * position is recorded in the same write).
     */
    public Mono<Applied.Outcome> onOrder(
            String orderId, ConsumedEvent position, Function<Optional<OrderFact>, Change<OrderFact>> decide) {
        return store.apply(COLLECTION, orderId, OrderFact.class, position, decide)
                .map(Applied::outcome);
    }

    /** The fact of order {@code orderId}, if any event about it arrived. */
    public Mono<OrderFact> find(String orderId) {
        return store.find(COLLECTION, orderId, OrderFact.class);
    }

    /** The store's time zone, for its days and hours (UTC for a store no longer configured). */
    public ZoneId zoneOf(String storeId) {
        return stores.find(storeId).map(StoreProperties.Store::zone).orElse(ZoneOffset.UTC);
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
        // an order's refunds sit in its fact: only the facts with one are read, the GMV is summed by the store
        Mono<Map<String, Long>> ofTheseOrders = store.findAll(COLLECTION, paidInRange.present("refunds.refundId"))
                .collectList()
                .map(facts -> Refunds.ofOrders(facts.stream()));
        Mono<Map<String, Long>> onTheseDays = store.findAll(
                        COLLECTION,
                        StateQuery.of(OrderFact.class)
                                .is("storeId", storeId)
                                .atLeast("refunds.day", from.toString())
                                .atMost("refunds.day", to.toString()))
                .collectList()
                .map(facts -> Refunds.madeOn(facts.stream(), from, to));
        return Mono.zip(
                        store.totals(COLLECTION, paidInRange, "currency", "gmvMinor")
                                .collectList(),
                        ofTheseOrders,
                        onTheseDays)
                .flatMapMany(all -> {
                    Map<String, AggregateStore.Totals> paid = new TreeMap<>();
                    all.getT1().forEach(totals -> paid.put(totals.group(), totals));
                    // a currency refunded on these days may have had no order paid in them
                    all.getT3()
                            .keySet()
                            .forEach(currency -> paid.putIfAbsent(currency, new AggregateStore.Totals(currency, 0, 0)));
                    return Flux.fromIterable(paid.values()).map(totals -> {
                        long refunded = all.getT2().getOrDefault(totals.group(), 0L);
                        return new CurrencySales(
                                totals.group(),
                                totals.count(),
                                totals.sum(),
                                refunded,
                                totals.sum() - refunded,
                                all.getT3().getOrDefault(totals.group(), 0L));
                    });
                });
    }
}

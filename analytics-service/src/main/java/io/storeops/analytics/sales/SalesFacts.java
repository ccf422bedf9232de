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
     * Paid orders and GMV of one currency, over a range of store-local days, and what was paid back
     * and cancelled: of those orders (whenever), and on those days (whichever orders).
     *
     * @param refundedOfTheseOrdersMinor paid back of the orders paid in the range, to this day
     * @param netMinor                   GMV less what was paid back of those orders
     * @param refundedOnTheseDaysMinor   paid back on the range's days, whenever the orders were paid
     * @param refundsOnTheseDays         how many refunds were made on the range's days
     * @param cancelledOfTheseOrders     of the orders paid in the range, those cancelled since
     * @param cancelledOnTheseDays       orders cancelled on the range's days, whenever they were paid
     */
    public record CurrencySales(
            String currency,
            long paidOrders,
            long gmvMinor,
            long refundedOfTheseOrdersMinor,
            long netMinor,
            long refundedOnTheseDaysMinor,
            long refundsOnTheseDays,
            long cancelledOfTheseOrders,
            long cancelledOnTheseDays) {}

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

    /**
     * The orders paid in {@code currency} over the store-local days {@code from} to {@code to} whose
     * attribution names a campaign or a keyword: those paid promotion brought.
     */
    public Flux<OrderFact> promoted(String storeId, String currency, LocalDate from, LocalDate to) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(OrderFact.class)
                        .is("storeId", storeId)
                        .atLeast("paidDay", from.toString())
                        .atMost("paidDay", to.toString())
                        .is("currency", currency)
                        .anyOf(
                                fact -> fact.present("attribution.campaign"),
                                fact -> fact.present("attribution.keyword")));
    }

    /**
     * The GMV of the orders paid in {@code currency} on each store-local day from {@code from} to
     * {@code to}: the day (yyyy-MM-dd) is the group; days without orders are missing.
     */
    public Flux<AggregateStore.Totals> gmvByDay(String storeId, String currency, LocalDate from, LocalDate to) {
        return store.totals(
                COLLECTION,
                StateQuery.of(OrderFact.class)
                        .is("storeId", storeId)
                        .atLeast("paidDay", from.toString())
                        .atMost("paidDay", to.toString())
                        .is("currency", currency),
                "paidDay",
                "gmvMinor");
    }

    /** The orders with a parcel dispatched on the store-local days {@code from} to {@code to}. */
    public Flux<OrderFact> dispatchedOn(String storeId, LocalDate from, LocalDate to) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(OrderFact.class)
                        .is("storeId", storeId)
                        .atLeast("parcels.dispatchedDay", from.toString())
                        .atMost("parcels.dispatchedDay", to.toString()));
    }

    /** The orders with a parcel reported in trouble on the store-local days {@code from} to {@code to}. */
    public Flux<OrderFact> troubledOn(String storeId, LocalDate from, LocalDate to) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(OrderFact.class)
                        .is("storeId", storeId)
                        .atLeast("parcels.troubles.day", from.toString())
                        .atMost("parcels.troubles.day", to.toString()));
    }

    public Flux<CurrencySales> sales(String storeId, LocalDate from, LocalDate to) {
        StateQuery<OrderFact> ofTheStore = StateQuery.of(OrderFact.class).is("storeId", storeId);
        StateQuery<OrderFact> paidInRange =
                ofTheStore.atLeast("paidDay", from.toString()).atMost("paidDay", to.toString());
        // what happened after payment sits in the facts: only the facts with something are read, the GMV is
        // summed by the store
        Mono<Map<String, AfterPayment.Reduction>> ofTheseOrders = store.findAll(
                        COLLECTION,
                        paidInRange.anyOf(
                                fact -> fact.present("refunds.refundId"), fact -> fact.present("cancelledAt")))
                .collectList()
                .map(facts -> AfterPayment.ofOrders(facts.stream()));
        Mono<Map<String, AfterPayment.Reduction>> onTheseDays = store.findAll(
                        COLLECTION,
                        ofTheStore.anyOf(
                                fact -> fact.atLeast("refunds.day", from.toString())
                                        .atMost("refunds.day", to.toString()),
                                fact -> fact.atLeast("cancelledDay", from.toString())
                                        .atMost("cancelledDay", to.toString())))
                .collectList()
                .map(facts -> AfterPayment.madeOn(facts.stream(), from, to));
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
                        AfterPayment.Reduction later =
                                all.getT2().getOrDefault(totals.group(), AfterPayment.Reduction.NONE);
                        AfterPayment.Reduction then =
                                all.getT3().getOrDefault(totals.group(), AfterPayment.Reduction.NONE);
                        return new CurrencySales(
                                totals.group(),
                                totals.count(),
                                totals.sum(),
                                later.refundedMinor(),
                                totals.sum() - later.refundedMinor(),
                                then.refundedMinor(),
                                then.refunds(),
                                later.cancelledOrders(),
                                then.cancelledOrders());
                    });
                });
    }
}

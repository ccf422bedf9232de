package io.storeops.analytics.sales;

import io.storeops.analytics.rebuild.FactCollections;
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
import java.util.Collection;
import java.util.List;
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

    /** The facts' collection in generation 0; {@link FactCollections} names it in the others. */
    static final String COLLECTION = "order_facts";

    private final AggregateStore store;
    private final StoreCatalog stores;
    private final FactCollections collections;

    public SalesFacts(AggregateStore store, StoreCatalog stores, FactCollections collections) {
        this.store = store;
        this.stores = stores;
        this.collections = collections;
    }

    public Mono<Applied.Outcome> orderPaid(OrderPaid paid, ConsumedEvent position) {
        return onOrder(paid.orderId(), position, current -> OrderFact.paid(current, paid, zoneOf(paid.storeId())));
    }

    /**
     * Applies an event about order {@code orderId} to its fact, once per event (the consumed
     * position is recorded in the same write).
     */
    public Mono<Applied.Outcome> onOrder(
            String orderId, ConsumedEvent position, Function<Optional<OrderFact>, Change<OrderFact>> decide) {
        return store.apply(collections.written(COLLECTION), orderId, OrderFact.class, position, decide)
                .map(Applied::outcome);
    }

    /** The fact of order {@code orderId}, if any event about it arrived. */
    public Mono<OrderFact> find(String orderId) {
        return store.find(collections.read(COLLECTION), orderId, OrderFact.class);
    }

    /** The store's time zone, for its days and hours (UTC for a store no longer configured). */
    public ZoneId zoneOf(String storeId) {
        return stores.find(storeId).map(StoreProperties.Store::zone).orElse(ZoneOffset.UTC);
    }

    /** The indexes behind the sales figures and the reports (real MongoDB uses them; the embedded store scans). */
    @Override
    public void run(ApplicationArguments arguments) {
        collections.declare(
                COLLECTION,
                List.of(
                        StateIndex.named("store_paid_day", OrderFact.class)
                                .ascending("storeId")
                                .ascending("paidDay"),
                        // what happened after payment, looked up by the day it happened (reports, sales)
                        StateIndex.named("store_dispatched_day", OrderFact.class)
                                .ascending("storeId")
                                .ascending("parcels.dispatchedDay"),
                        StateIndex.named("store_trouble_day", OrderFact.class)
                                .ascending("storeId")
                                .ascending("parcels.troubles.day"),
                        StateIndex.named("store_refund_day", OrderFact.class)
                                .ascending("storeId")
                                .ascending("refunds.day"),
                        StateIndex.named("store_cancelled_day", OrderFact.class)
                                .ascending("storeId")
                                .ascending("cancelledDay")));
    }

    /**
     * The orders paid in {@code currency} over the store-local days {@code from} to {@code to} whose
     * attribution names a campaign or a keyword: those paid promotion brought.
     */
    public Flux<OrderFact> promoted(String storeId, String currency, LocalDate from, LocalDate to) {
        return store.findAll(
                collections.read(COLLECTION),
                paidIn(storeId, currency, from, to)
                        .anyOf(
                                fact -> fact.present("attribution.campaign"),
                                fact -> fact.present("attribution.keyword")));
    }

    /** The orders paid in {@code currency} on the store-local days {@code from} to {@code to}. */
    public Flux<OrderFact> paidOn(String storeId, String currency, LocalDate from, LocalDate to) {
        return store.findAll(collections.read(COLLECTION), paidIn(storeId, currency, from, to));
    }

    /** The orders paid in {@code currency} on the store-local days {@code from} to {@code to} holding any of {@code skus}. */
    public Flux<OrderFact> paidWith(
            String storeId, String currency, Collection<String> skus, LocalDate from, LocalDate to) {
        return skus.isEmpty()
                ? Flux.empty()
                : store.findAll(
                        collections.read(COLLECTION),
                        paidIn(storeId, currency, from, to).in("lines.sku", skus));
    }

    private static StateQuery<OrderFact> paidIn(String storeId, String currency, LocalDate from, LocalDate to) {
        return StateQuery.of(OrderFact.class)
                .is("storeId", storeId)
                .atLeast("paidDay", from.toString())
                .atMost("paidDay", to.toString())
                .is("currency", currency);
    }

    /**
     * The GMV of the orders paid in {@code currency} on each store-local day from {@code from} to
     * {@code to}: the day (yyyy-MM-dd) is the group; days without orders are missing.
     */
    public Flux<AggregateStore.Totals> gmvByDay(String storeId, String currency, LocalDate from, LocalDate to) {
        return store.totals(collections.read(COLLECTION), paidIn(storeId, currency, from, to), "paidDay", "gmvMinor");
    }

    /** The orders with a parcel dispatched on the store-local days {@code from} to {@code to}. */
    public Flux<OrderFact> dispatchedOn(String storeId, LocalDate from, LocalDate to) {
        return store.findAll(
                collections.read(COLLECTION),
                StateQuery.of(OrderFact.class)
                        .is("storeId", storeId)
                        .atLeast("parcels.dispatchedDay", from.toString())
                        .atMost("parcels.dispatchedDay", to.toString()));
    }

    /** The orders with a parcel reported in trouble on the store-local days {@code from} to {@code to}. */
    public Flux<OrderFact> troubledOn(String storeId, LocalDate from, LocalDate to) {
        return store.findAll(
                collections.read(COLLECTION),
                StateQuery.of(OrderFact.class)
                        .is("storeId", storeId)
                        .atLeast("parcels.troubles.day", from.toString())
                        .atMost("parcels.troubles.day", to.toString()));
    }

    public Flux<CurrencySales> sales(String storeId, LocalDate from, LocalDate to) {
        String orderFacts = collections.read(COLLECTION); // one generation for the three reads
        StateQuery<OrderFact> ofTheStore = StateQuery.of(OrderFact.class).is("storeId", storeId);
        StateQuery<OrderFact> paidInRange =
                ofTheStore.atLeast("paidDay", from.toString()).atMost("paidDay", to.toString());
        // what happened after payment sits in the facts: only the facts with something are read, the GMV is
        // summed by the store
        Mono<Map<String, AfterPayment.Reduction>> ofTheseOrders = store.findAll(
                        orderFacts,
                        paidInRange.anyOf(
                                fact -> fact.present("refunds.refundId"), fact -> fact.present("cancelledAt")))
                .collectList()
                .map(facts -> AfterPayment.ofOrders(facts.stream()));
        Mono<Map<String, AfterPayment.Reduction>> onTheseDays = store.findAll(
                        orderFacts,
                        ofTheStore.anyOf(
                                fact -> fact.atLeast("refunds.day", from.toString())
                                        .atMost("refunds.day", to.toString()),
                                fact -> fact.atLeast("cancelledDay", from.toString())
                                        .atMost("cancelledDay", to.toString())))
                .collectList()
                .map(facts -> AfterPayment.madeOn(facts.stream(), from, to));
        return Mono.zip(
                        store.totals(orderFacts, paidInRange, "currency", "gmvMinor")
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

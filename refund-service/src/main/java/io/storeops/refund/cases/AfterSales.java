package io.storeops.refund.cases;

import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The orders' after-sale files, one document per paid order; every change goes out with its events. */
@Component
public class AfterSales implements ApplicationRunner {

    static final String COLLECTION = "after_sales";

    private final AggregateStore store;
    private final EventCounters counters;

    public AfterSales(AggregateStore store, EventCounters counters) {
        this.store = store;
        this.counters = counters;
    }

    /** The indexes through which a case's id finds its order's file, and the payouts the files due. */
    @Override
    public void run(ApplicationArguments arguments) {
        store.declareIndex(
                COLLECTION, StateIndex.named("case_id", AfterSale.class).ascending("cases.caseId"));
        store.declareIndex(
                COLLECTION, StateIndex.named("payout_due", AfterSale.class).ascending("payoutDueAt"));
    }

    public Mono<AfterSale> find(String orderId) {
        return store.find(COLLECTION, orderId, AfterSale.class);
    }

    /** Files with a case being paid back whose payout is due at {@code now}, the longest due first. */
    public Flux<AfterSale> refundingDue(Instant now, int limit) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(AfterSale.class)
                        .below("payoutDueAt", now.plusMillis(1))
                        .ascending("payoutDueAt")
                        .limit(limit));
    }

    /** The file holding case {@code caseId}. */
    public Mono<AfterSale> findByCase(String caseId) {
        return store.findAll(
                        COLLECTION,
                        StateQuery.of(AfterSale.class)
                                .is("cases.caseId", caseId)
                                .limit(1))
                .next();
    }

    public Mono<Applied.Outcome> orderPaid(OrderPaid paid, ConsumedEvent position) {
        return store.apply(
                        COLLECTION, paid.orderId(), AfterSale.class, position, current -> AfterSale.open(current, paid))
                .doOnNext(counters::count)
                .map(Applied::outcome);
    }

    /** Applies an event of another service to the order's file; an order without one changes nothing. */
    public Mono<Applied.Outcome> onEvent(
            String orderId, ConsumedEvent position, Function<AfterSale, Change<AfterSale>> decide) {
        return store.apply(
                        COLLECTION,
                        orderId,
                        AfterSale.class,
                        position,
                        current -> current.map(decide).orElseGet(Change::none))
                .doOnNext(counters::count)
                .map(Applied::outcome);
    }

    /** Applies a staff command to the order's file, which must exist. */
    public Mono<AfterSale> change(String orderId, Function<AfterSale, Change<AfterSale>> decide) {
        return store.apply(
                        COLLECTION,
                        orderId,
                        AfterSale.class,
                        current -> current.map(decide).orElseGet(Change::none))
                .doOnNext(counters::count)
                .mapNotNull(Applied::state);
    }
}

package io.storeops.refund.cases;

import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.paging.PageCursor;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The orders' after-sale files, one document per paid order (or per order whose parcel was reported
 * before its payment); every change goes out with its events.
 */
@Component
public class AfterSales implements ApplicationRunner {

    static final String COLLECTION = "after_sales";

    private final AggregateStore store;
    private final EventCounters counters;

    public AfterSales(AggregateStore store, EventCounters counters) {
        this.store = store;
        this.counters = counters;
    }

    /**
     * The indexes through which a case's id finds its order's file, the payouts and the timers the
     * files due, a store's due-soon queue its cases, a refund sheet the files with steps in its days,
     * and the desk's gauges the files with a case in each open state.
     */
    @Override
    public void run(ApplicationArguments arguments) {
        store.declareIndex(
                COLLECTION, StateIndex.named("case_id", AfterSale.class).ascending("cases.caseId"));
        store.declareIndex(
                COLLECTION, StateIndex.named("payout_due", AfterSale.class).ascending("payoutDueAt"));
        store.declareIndex(
                COLLECTION, StateIndex.named("deadline_due", AfterSale.class).ascending("deadlineDueAt"));
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_deadline_due", AfterSale.class)
                        .ascending("storeId")
                        .ascending("deadlineDueAt"));
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_news_first", AfterSale.class)
                        .ascending("storeId")
                        .descending("lastStepAt"));
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_activity", AfterSale.class)
                        .ascending("storeId")
                        .ascending("cases.timeline.at"));
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_case_state", AfterSale.class)
                        .ascending("storeId")
                        .ascending("cases.state"));
    }

    /** The paid order's file; one still awaiting the payment is nobody's to see. */
    public Mono<AfterSale> find(String orderId) {
        return store.find(COLLECTION, orderId, AfterSale.class).filter(AfterSale::isPaid);
    }

    /**
     * Files of {@code stores} with a case being paid back whose payout is due at {@code now}, the
     * longest due first.
     */
    public Flux<AfterSale> refundingDue(Instant now, Collection<String> stores, int limit) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(AfterSale.class)
                        .in("storeId", stores)
                        .below("payoutDueAt", now.plusMillis(1))
                        .ascending("payoutDueAt")
                        .limit(limit));
    }

    /** Files with a marketplace timer run out by {@code now}, the longest due first. */
    public Flux<AfterSale> deadlinesDue(Instant now, int limit) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(AfterSale.class)
                        .below("deadlineDueAt", now.plusMillis(1))
                        .ascending("deadlineDueAt")
                        .limit(limit));
    }

    /** A store's files with a marketplace timer running out before {@code before}, the soonest first. */
    public Flux<AfterSale> deadlinesBefore(String storeId, Instant before, int limit) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(AfterSale.class)
                        .is("storeId", storeId)
                        .below("deadlineDueAt", before)
                        .ascending("deadlineDueAt")
                        .limit(limit));
    }

    /**
     * At most {@code limit} of the files of {@code storeId} with a case opened before {@code end} and
     * a step of a case at or after {@code start}: every file with a step in [start, end), and a few
     * more (the two conditions may be met by different cases or steps), in no order. The caller picks
     * the cases exactly.
     */
    public Flux<AfterSale> withActivity(String storeId, Instant start, Instant end, int limit) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(AfterSale.class)
                        .is("storeId", storeId)
                        .atLeast("cases.timeline.at", start)
                        .below("cases.openedAt", end)
                        .limit(limit));
    }

    /**
     * A store's files with news first, those with a case in one of {@code states} (any, when empty)
     * and of {@code type} (any, when null), of one order when {@code orderId} is given; after
     * {@code cursor}, when given.
     */
    public Flux<AfterSale> search(
            String storeId, Collection<CaseState> states, CaseType type, String orderId, PageCursor cursor, int limit) {
        StateQuery<AfterSale> query =
                StateQuery.of(AfterSale.class).is("storeId", storeId).present("lastStepAt");
        if (orderId != null) {
            query = query.is("orderId", orderId);
        }
        if (!states.isEmpty()) {
            query = query.in("cases.state", states.stream().map(Enum::name).toList());
        }
        if (type != null) {
            query = query.is("cases.type", type.name());
        }
        if (cursor != null) {
            query = query.afterDescending("lastStepAt", cursor.at(), cursor.id());
        }
        return store.findAll(
                COLLECTION, query.descending("lastStepAt").thenByIdDescending().limit(limit));
    }

    /** How many of a store's files have a case in {@code state}. */
    public Mono<Long> countWithCaseIn(String storeId, CaseState state) {
        return store.count(
                COLLECTION,
                StateQuery.of(AfterSale.class).is("storeId", storeId).is("cases.state", state.name()));
    }

    /**
     * When the longest-open of a store's cases in {@code state} was opened, if there is one. Reads
     * every file with such a case: open cases are what the desk works through, not the history.
     */
    public Mono<Instant> oldestCaseOpenedIn(String storeId, CaseState state) {
        return store.findAll(
                        COLLECTION,
                        StateQuery.of(AfterSale.class).is("storeId", storeId).is("cases.state", state.name()))
                .flatMapIterable(AfterSale::cases)
                .filter(refundCase -> refundCase.state() == state)
                .map(RefundCase::openedAt)
                .reduce((first, second) -> first.isBefore(second) ? first : second);
    }

    /** How many of a store's files have a marketplace timer running out before {@code before}. */
    public Mono<Long> countDeadlinesBefore(String storeId, Instant before) {
        return store.count(
                COLLECTION,
                StateQuery.of(AfterSale.class).is("storeId", storeId).below("deadlineDueAt", before));
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
        return consumed(paid.orderId(), position, current -> AfterSale.open(current, paid));
    }

    /** Applies an event of another service to the order's file; an order without one changes nothing. */
    public Mono<Applied.Outcome> onEvent(
            String orderId, ConsumedEvent position, Function<AfterSale, Change<AfterSale>> decide) {
        return consumed(
                orderId, position, current -> ofPaidOrder(current).map(decide).orElseGet(Change::none));
    }

    /**
     * Applies fulfilment's report of one of the order's parcels to its file. Fulfilment's topic is
     * not the order's, so the report may come before the payment: a file awaiting it keeps the parcel.
     */
    public Mono<Applied.Outcome> onParcelEvent(
            String orderId, String storeId, ConsumedEvent position, Function<AfterSale, Change<AfterSale>> decide) {
        return consumed(
                orderId,
                position,
                current -> decide.apply(current.orElseGet(() -> AfterSale.awaitingPayment(orderId, storeId))));
    }

    private Mono<Applied.Outcome> consumed(
            String orderId, ConsumedEvent position, Function<Optional<AfterSale>, Change<AfterSale>> decide) {
        return store.apply(COLLECTION, orderId, AfterSale.class, position, decide)
                .doOnNext(counters::count)
                .map(Applied::outcome);
    }

    /** Applies a staff command to the order's file, which must exist. */
    public Mono<AfterSale> change(String orderId, Function<AfterSale, Change<AfterSale>> decide) {
        return decide(orderId, decide).mapNotNull(Applied::state).filter(AfterSale::isPaid);
    }

    /** Applies a decision of the service's own (a timer, a payout) to the order's file, saying what happened. */
    public Mono<Applied<AfterSale>> decide(String orderId, Function<AfterSale, Change<AfterSale>> decide) {
        return store.apply(
                        COLLECTION,
                        orderId,
                        AfterSale.class,
                        current -> ofPaidOrder(current).map(decide).orElseGet(Change::none))
                .doOnNext(counters::count);
    }

    private static Optional<AfterSale> ofPaidOrder(Optional<AfterSale> current) {
        return current.filter(AfterSale::isPaid);
    }
}

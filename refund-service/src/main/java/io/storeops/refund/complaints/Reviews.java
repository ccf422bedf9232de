package io.storeops.refund.complaints;

import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.paging.PageCursor;
import io.storeops.refund.cases.AfterSaleProperties;
import io.storeops.refund.cases.AfterSales;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The buyers' reviews, one document each; every change goes out with its events. */
@Component
public class Reviews implements ApplicationRunner {

    static final String COLLECTION = "reviews";

    private final AggregateStore store;
    private final AfterSales files;
    private final AfterSaleProperties policies;
    private final Clock clock;

    public Reviews(AggregateStore store, AfterSales files, AfterSaleProperties policies, Clock clock) {
        this.store = store;
        this.files = files;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * The indexes of a store's queue (longest waiting first), of a buyer's reviews, of the gauge,
     * and through which the reply posts find the reviews due.
     */
    @Override
    public void run(ApplicationArguments arguments) {
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_received", Review.class)
                        .ascending("storeId")
                        .ascending("receivedAt"));
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_state_received", Review.class)
                        .ascending("storeId")
                        .ascending("state")
                        .ascending("receivedAt"));
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_buyer", Review.class)
                        .ascending("storeId")
                        .ascending("buyerNick"));
        store.declareIndex(
                COLLECTION, StateIndex.named("reply_due", Review.class).ascending("replyDueAt"));
    }

    public Mono<Review> find(String id) {
        return store.find(COLLECTION, id, Review.class);
    }

    /**
     * The storefront posted a review of its order: recorded once (low or not, by the store's
     * {@code after-sale.low-rating}); the same review again changes nothing.
     *
     * @return the review as stored; fails with {@link NotOnRecord} for an order the desk has not
     *     seen paid (the storefront's retry clears it), {@link StepConflict} for a review id of another order
     */
    public Mono<Review> received(String storeId, Review.Posted posted) {
        return Mono.fromCallable(() -> Review.orderOf(storeId, posted))
                .flatMap(orderId ->
                        files.find(orderId).switchIfEmpty(Mono.error(() -> new NotOnRecord("Paid order", orderId))))
                .flatMap(file -> store.apply(
                        COLLECTION,
                        Review.idOf(storeId, posted.reviewId()),
                        Review.class,
                        current -> Review.received(
                                current,
                                storeId,
                                posted,
                                policies.policyOf(storeId).lowRating(),
                                clock.instant())))
                .mapNotNull(Applied::state);
    }

    /**
     * Reviews of {@code stores} whose reply is to be posted on the storefront by {@code now}, the
     * longest due first.
     */
    public Flux<Review> replyDue(Instant now, Collection<String> stores, int limit) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(Review.class)
                        .in("storeId", stores)
                        .below("replyDueAt", now.plusMillis(1))
                        .ascending("replyDueAt")
                        .limit(limit));
    }

    /** Applies a staff step (or a reply post's outcome) to the review, which must exist. */
    public Mono<Review> change(String id, Function<Review, Change<Review>> decide) {
        return store.apply(
                        COLLECTION,
                        id,
                        Review.class,
                        current -> current.map(decide).orElseGet(Change::none))
                .mapNotNull(Applied::state);
    }

    /**
     * A store's reviews, the longest waiting first: those in one of {@code states} (any, when
     * empty), only the low ones when {@code lowOnly}, by the buyer {@code buyerNick} and about
     * {@code orderId} (any, when null); after {@code cursor}, when given.
     */
    public Flux<Review> search(
            String storeId,
            Collection<ReviewState> states,
            boolean lowOnly,
            String buyerNick,
            String orderId,
            PageCursor cursor,
            int limit) {
        StateQuery<Review> query = of(storeId, states, lowOnly);
        if (buyerNick != null) {
            query = query.is("buyerNick", buyerNick);
        }
        if (orderId != null) {
            query = query.is("orderId", orderId);
        }
        if (cursor != null) {
            query = query.afterAscending("receivedAt", cursor.at(), cursor.id());
        }
        return store.findAll(
                COLLECTION, query.ascending("receivedAt").thenByIdAscending().limit(limit));
    }

    /**
     * How many of the store's low reviews wait for their reply: the low ones not yet replied to,
     * as {@code search(storeId, ReviewState.unreplied(), true, …)} lists them.
     */
    public Mono<Long> lowWaiting(String storeId) {
        return store.count(COLLECTION, of(storeId, ReviewState.unreplied(), true));
    }

    /** A store's reviews in one of {@code states} (any, when empty), only the low ones when {@code lowOnly}. */
    private static StateQuery<Review> of(String storeId, Collection<ReviewState> states, boolean lowOnly) {
        StateQuery<Review> query = StateQuery.of(Review.class).is("storeId", storeId);
        if (!states.isEmpty()) {
            query = query.in("state", states.stream().map(Enum::name).toList());
        }
        return lowOnly ? query.is("low", true) : query;
    }
}

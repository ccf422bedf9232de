package io.storeops.refund.complaints;

import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.paging.PageCursor;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.RefundCase;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The buyers' complaints, one document each; every change goes out with its events. */
@Component
public class Complaints implements ApplicationRunner {

    static final String COLLECTION = "complaints";

    private final AggregateStore store;
    private final AfterSales files;

    public Complaints(AggregateStore store, AfterSales files) {
        this.store = store;
        this.files = files;
    }

    /** The indexes of a store's lists (news first), of its open complaints' count and of an order's complaints. */
    @Override
    public void run(ApplicationArguments arguments) {
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_news_first", Complaint.class)
                        .ascending("storeId")
                        .descending("lastStepAt")
                        .thenByIdDescending());
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_state", Complaint.class)
                        .ascending("storeId")
                        .ascending("state"));
        store.declareIndex(
                COLLECTION, StateIndex.named("order", Complaint.class).ascending("orderId"));
    }

    public Mono<Complaint> find(String complaintId) {
        return store.find(COLLECTION, complaintId, Complaint.class);
    }

    /** The after-sale file of a paid order, in which a complaint is taken. */
    public Mono<AfterSale> paidOrder(String orderId) {
        return files.find(orderId);
    }

    /**
     * Takes a complaint about the paid order {@code file}, as {@code complaintId}: once, however
     * often it is retried.
     */
    public Mono<Complaint> open(String complaintId, AfterSale file, Complaint.Opening opening, String by, Instant at) {
        Complaint.Opening onTheOrder = new Complaint.Opening(
                file.orderId(), opening.channel(), opening.category(), opening.description(), opening.buyerNick());
        return store.apply(
                        COLLECTION,
                        complaintId,
                        Complaint.class,
                        current -> Complaint.open(current, complaintId, file.storeId(), onTheOrder, by, at))
                .mapNotNull(Applied::state);
    }

    /** Applies a staff step to the complaint, which must exist. */
    public Mono<Complaint> change(String complaintId, Function<Complaint, Change<Complaint>> decide) {
        return store.apply(
                        COLLECTION,
                        complaintId,
                        Complaint.class,
                        current -> current.map(decide).orElseGet(Change::none))
                .mapNotNull(Applied::state);
    }

    /** The ids of the refund cases opened on {@code orderId}, which a resolution may name. */
    public Mono<Set<String>> refundCasesOf(String orderId) {
        return files.find(orderId)
                .map(file -> file.cases().stream().map(RefundCase::caseId).collect(Collectors.toSet()))
                .defaultIfEmpty(Set.of());
    }

    /**
     * A store's complaints with news first, those in one of {@code states} (any, when empty) and
     * about {@code orderId} (any, when null); after {@code cursor}, when given.
     */
    public Flux<Complaint> search(
            String storeId, Collection<ComplaintState> states, String orderId, PageCursor cursor, int limit) {
        StateQuery<Complaint> query = of(storeId, states);
        if (orderId != null) {
            query = query.is("orderId", orderId);
        }
        if (cursor != null) {
            query = query.afterDescending("lastStepAt", cursor.at(), cursor.id());
        }
        return store.findAll(
                COLLECTION, query.descending("lastStepAt").thenByIdDescending().limit(limit));
    }

    /**
     * How many of the store's complaints are open work, not ended (as {@code
     * search(storeId, ComplaintState.notEnded(), …)} lists them).
     */
    public Mono<Long> countOpen(String storeId) {
        return store.count(COLLECTION, of(storeId, ComplaintState.notEnded()));
    }

    /** A store's complaints in one of {@code states} (any, when empty). */
    private static StateQuery<Complaint> of(String storeId, Collection<ComplaintState> states) {
        StateQuery<Complaint> query = StateQuery.of(Complaint.class).is("storeId", storeId);
        return states.isEmpty()
                ? query
                : query.in("state", states.stream().map(Enum::name).toList());
    }
}

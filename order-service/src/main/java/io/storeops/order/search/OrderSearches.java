package io.storeops.order.search;

import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.OrderStatus;
import io.storeops.order.lifecycle.Orders;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.paging.PageCursor;
import java.util.stream.Stream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Runs staff searches ({@link OrderSearch}) against the stored orders, newest first with ties broken
 * by order id (a total, stable order for pages), and declares the index behind them.
 */
@Component
public class OrderSearches implements ApplicationRunner {

    private final Orders orders;

    OrderSearches(Orders orders) {
        this.orders = orders;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        orders.declareIndex(StateIndex.named("store_newest_first", Order.class)
                .ascending("told.storeId")
                .descending("told.placedAt")
                .thenByIdDescending());
    }

    /** Every matching order after {@code cursor} (from the first when null), newest first. */
    public Flux<Order> find(OrderSearch search, PageCursor cursor) {
        return orders.findAll(query(search, cursor));
    }

    /** At most {@code limit} matching orders after {@code cursor}, newest first. */
    public Flux<Order> find(OrderSearch search, PageCursor cursor, int limit) {
        return orders.findAll(query(search, cursor).limit(limit));
    }

    /** The matching orders after {@code cursor} (from the first when null), newest first. */
    private static StateQuery<Order> query(OrderSearch search, PageCursor cursor) {
        StateQuery<Order> query = StateQuery.of(Order.class).is("told.storeId", search.storeId());
        if (!search.statuses().isEmpty()) {
            query = query.in(
                    "status",
                    search.statuses().stream().map(OrderStatus::name).sorted().toList());
        }
        if (search.paidFrom() != null) {
            query = query.atLeast(
                    "told.paidAt", search.paidFrom().atStartOfDay(search.zone()).toInstant());
        }
        if (search.paidTo() != null) {
            query = query.below(
                    "told.paidAt",
                    search.paidTo().plusDays(1).atStartOfDay(search.zone()).toInstant());
        }
        if (search.holdReason() != null) {
            query = query.is("holds", search.holdReason().name());
        }
        if (search.hasBuyerNote() != null) {
            query = search.hasBuyerNote() ? query.present("told.buyerNote") : query.absent("told.buyerNote");
        }
        if (search.sku() != null) {
            query = query.is("told.lines.sku", search.sku());
        }
        if (search.buyer() != null) {
            query = query.in(
                    "buyerTerms",
                    Stream.of(BuyerTerms.searchTerm(search.buyer(), false), phoneTerm(search.buyer()))
                            .filter(term -> term != null)
                            .toList());
        }
        if (search.carrier() != null) {
            query = query.anyOf(
                    shipped -> shipped.is("parcels.carrier", search.carrier()),
                    asked -> asked.is("told.requestedCarrier", search.carrier()));
        }
        if (cursor != null) {
            query = query.afterDescending("told.placedAt", cursor.at(), cursor.id());
        }
        return query.descending("told.placedAt").thenByIdDescending();
    }

    /** A search text that looks like a phone number is also compared by its digits. */
    private static String phoneTerm(String text) {
        return text.matches("[+\\d][\\d\\s()./-]{5,}") ? BuyerTerms.searchTerm(text, true) : null;
    }
}

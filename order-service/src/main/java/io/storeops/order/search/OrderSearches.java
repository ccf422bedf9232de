package io.storeops.order.search;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.storeops.order.lifecycle.BuyerTerms;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.OrderStatus;
import io.storeops.order.lifecycle.Orders;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Runs staff searches ({@link OrderSearch}) against the stored orders, and declares the index behind them. */
@Component
public class OrderSearches implements ApplicationRunner {

    /** Newest first by placing time; the order id breaks ties, so the order is total and stable. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("state.told.placedAt"), Sort.Order.desc("_id"));

    private final Orders orders;

    OrderSearches(Orders orders) {
        this.orders = orders;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        orders.declareIndex(new Index().on("state.told.storeId", Sort.Direction.ASC).on("state.told.placedAt", Sort.Direction.DESC)
                .on("_id", Sort.Direction.DESC).named("store_newest_first"));
    }

    /** Every matching order after {@code cursor} (from the first when null), newest first. */
    public Flux<Order> find(OrderSearch search, OrderCursor cursor) {
        return orders.findAll(query(search, cursor));
    }

    /** At most {@code limit} matching orders after {@code cursor}, newest first. */
    public Flux<Order> find(OrderSearch search, OrderCursor cursor, int limit) {
        return orders.findAll(query(search, cursor).limit(limit));
    }

    /** The matching orders after {@code cursor} (from the first when null), in newest first. */
    private static Query query(OrderSearch search, OrderCursor cursor) {
        List<Criteria> all = new ArrayList<>();
        all.add(where("state.told.storeId").is(search.storeId()));
        if (!search.statuses().isEmpty()) {
            all.add(where("state.status").in(search.statuses().stream().map(OrderStatus::name).sorted().toList()));
        }
        if (search.paidFrom() != null) {
            all.add(where("state.told.paidAt").gte(search.paidFrom().atStartOfDay(search.zone()).toInstant()));
        }
        if (search.paidTo() != null) {
            all.add(where("state.told.paidAt").lt(search.paidTo().plusDays(1).atStartOfDay(search.zone()).toInstant()));
        }
        if (search.holdReason() != null) {
            all.add(where("state.holds").is(search.holdReason().name()));
        }
        if (search.hasBuyerNote() != null) {
            all.add(search.hasBuyerNote() ? where("state.told.buyerNote").ne(null) : where("state.told.buyerNote").is(null));
        }
        if (search.sku() != null) {
            all.add(where("state.told.lines.sku").is(search.sku()));
        }
        if (search.buyer() != null) {
            all.add(where("state.buyerTerms").in(Stream.of(BuyerTerms.searchTerm(search.buyer(), false), phoneTerm(search.buyer()))
                    .filter(term -> term != null).toList()));
        }
        if (search.carrier() != null) {
            all.add(new Criteria().orOperator(where("state.shipment.carrier").is(search.carrier()), where("state.told.requestedCarrier").is(search.carrier())));
        }
        if (cursor != null) {
            all.add(new Criteria().orOperator(where("state.told.placedAt").lt(cursor.placedAt()),
                    where("state.told.placedAt").is(cursor.placedAt()).and("_id").lt(cursor.orderId())));
        }
        return new Query(new Criteria().andOperator(all)).with(NEWEST_FIRST);
    }

    /** A search text that looks like a phone number is also compared by its digits. */
    private static String phoneTerm(String text) {
        return text.matches("[+\\d][\\d\\s()./-]{5,}") ? BuyerTerms.searchTerm(text, true) : null;
    }
}

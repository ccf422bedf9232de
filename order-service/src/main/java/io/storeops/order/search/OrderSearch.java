package io.storeops.order.search;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.storeops.order.lifecycle.BuyerTerms;
import io.storeops.order.lifecycle.OrderStatus;
import io.storeops.order.review.HoldReason;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What staff look for among a store's orders. Every filter is optional except the store; values
 * are compared as plain values (never as query operators), so a filter cannot widen the search.
 *
 * @param statuses any of these statuses (all when empty)
 * @param paidFrom first day of payment, in the store's time zone
 * @param paidTo   last day of payment (inclusive), in the store's time zone
 * @param buyer    the buyer's or recipient's name or a word of it (a surname), an e-mail or its part before or
 *                 after the @, or a phone number or its last four digits (case, spacing and phone punctuation ignored)
 * @param carrier  the carrier the parcel went with, or the one the buyer asked for
 */
public record OrderSearch(
        String storeId,
        ZoneId zone,
        Set<OrderStatus> statuses,
        LocalDate paidFrom,
        LocalDate paidTo,
        HoldReason holdReason,
        Boolean hasBuyerNote,
        String sku,
        String buyer,
        String carrier) {

    /** Newest first by placing time; the order id breaks ties, so the order is total and stable. */
    public static final Sort ORDER = Sort.by(Sort.Order.desc("state.placedAt"), Sort.Order.desc("_id"));

    public OrderSearch {
        if (paidFrom != null && paidTo != null && paidTo.isBefore(paidFrom)) {
            throw new IllegalArgumentException("paidTo " + paidTo + " is before paidFrom " + paidFrom);
        }
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sku = blankToNull(sku);
        buyer = blankToNull(buyer);
        carrier = blankToNull(carrier);
    }

    /** The matching orders after {@code cursor} (from the first when null), in {@link #ORDER}. */
    public Query query(OrderCursor cursor) {
        List<Criteria> all = new ArrayList<>();
        all.add(where("state.told.storeId").is(storeId));
        if (!statuses.isEmpty()) {
            all.add(where("state.status").in(statuses.stream().map(OrderStatus::name).sorted().toList()));
        }
        if (paidFrom != null) {
            all.add(where("state.told.paidAt").gte(paidFrom.atStartOfDay(zone).toInstant()));
        }
        if (paidTo != null) {
            all.add(where("state.told.paidAt").lt(paidTo.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (holdReason != null) {
            all.add(where("state.holds").is(holdReason.name()));
        }
        if (hasBuyerNote != null) {
            all.add(hasBuyerNote ? where("state.told.buyerNote").ne(null) : where("state.told.buyerNote").is(null));
        }
        if (sku != null) {
            all.add(where("state.told.lines.sku").is(sku));
        }
        if (buyer != null) {
            all.add(where("state.buyerTerms").in(Stream.of(BuyerTerms.searchTerm(buyer, false), phoneTerm(buyer))
                    .filter(term -> term != null).toList()));
        }
        if (carrier != null) {
            all.add(new Criteria().orOperator(where("state.shipment.carrier").is(carrier), where("state.told.requestedCarrier").is(carrier)));
        }
        if (cursor != null) {
            all.add(new Criteria().orOperator(where("state.placedAt").lt(cursor.placedAt()),
                    where("state.placedAt").is(cursor.placedAt()).and("_id").lt(cursor.orderId())));
        }
        return new Query(new Criteria().andOperator(all)).with(ORDER);
    }

    /** A search text that looks like a phone number is also compared by its digits. */
    private static String phoneTerm(String text) {
        return text.matches("[+\\d][\\d\\s()./-]{5,}") ? BuyerTerms.searchTerm(text, true) : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

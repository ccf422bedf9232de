package io.storeops.order.search;

import io.storeops.order.lifecycle.HoldReason;
import io.storeops.order.lifecycle.OrderStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

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

    public OrderSearch {
        if (paidFrom != null && paidTo != null && paidTo.isBefore(paidFrom)) {
            throw new IllegalArgumentException("paidTo " + paidTo + " is before paidFrom " + paidFrom);
        }
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sku = blankToNull(sku);
        buyer = blankToNull(buyer);
        carrier = blankToNull(carrier);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

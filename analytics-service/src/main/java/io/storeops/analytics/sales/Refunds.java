package io.storeops.analytics.sales;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What was paid back, per currency, two ways: the refunds of the orders paid in a window (the
 * orders' own days: what those days' sales came to), and the refunds made on the window's days
 * (whichever day the order was paid: what left the till then).
 */
public final class Refunds {

    private Refunds() {}

    /** Per currency, everything ever paid back of {@code paidInWindow}. */
    public static Map<String, Long> ofOrders(Stream<OrderFact> paidInWindow) {
        Map<String, Long> byCurrency = new TreeMap<>();
        paidInWindow.forEach(fact -> byCurrency.merge(fact.currency(), fact.refundedMinor(), Long::sum));
        return byCurrency;
    }

    /** Per currency, what {@code facts} paid back on the store-local days {@code from} to {@code to}. */
    public static Map<String, Long> madeOn(Stream<OrderFact> facts, LocalDate from, LocalDate to) {
        Map<String, Long> byCurrency = new TreeMap<>();
        facts.filter(fact -> fact.currency() != null)
                .forEach(fact -> fact.refunds().stream()
                        .filter(refund -> !LocalDate.parse(refund.day()).isBefore(from)
                                && !LocalDate.parse(refund.day()).isAfter(to))
                        .forEach(refund -> byCurrency.merge(fact.currency(), refund.amountMinor(), Long::sum)));
        return byCurrency;
    }
}

package io.storeops.analytics.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What happened to paid orders afterwards — money paid back, orders cancelled — per currency, two
 * ways: of the orders paid in a window (the orders' own days: what those days' sales came to), and
 * on the window's days (whichever day the order was paid: what happened then).
 */
public final class AfterPayment {

    private AfterPayment() {}

    /** Money paid back (in how many refunds) and orders cancelled, in one currency. */
    public record Reduction(long refundedMinor, long refunds, long cancelledOrders) {

        public static final Reduction NONE = new Reduction(0, 0, 0);

        Reduction plus(Reduction other) {
            return new Reduction(
                    refundedMinor + other.refundedMinor,
                    refunds + other.refunds,
                    cancelledOrders + other.cancelledOrders);
        }
    }

    /** Per currency, everything paid back of {@code paidInWindow} and how many of them were cancelled, whenever. */
    public static Map<String, Reduction> ofOrders(Stream<OrderFact> paidInWindow) {
        Map<String, Reduction> byCurrency = new TreeMap<>();
        paidInWindow.forEach(fact -> byCurrency.merge(
                fact.currency(),
                new Reduction(fact.refundedMinor(), fact.refunds().size(), fact.cancelledAt() == null ? 0 : 1),
                Reduction::plus));
        return byCurrency;
    }

    /**
     * Per currency, what {@code facts} paid back and which were cancelled on the store-local days
     * {@code from} to {@code to}, whenever they were paid.
     */
    public static Map<String, Reduction> madeOn(Stream<OrderFact> facts, LocalDate from, LocalDate to) {
        Map<String, Reduction> byCurrency = new TreeMap<>();
        facts.filter(fact -> fact.currency() != null).forEach(fact -> {
            List<OrderFact.Refund> refunds = fact.refunds().stream()
                    .filter(refund -> within(refund.day(), from, to))
                    .toList();
            long refunded =
                    refunds.stream().mapToLong(OrderFact.Refund::amountMinor).sum();
            long cancelled = fact.cancelledDay() != null && within(fact.cancelledDay(), from, to) ? 1 : 0;
            byCurrency.merge(fact.currency(), new Reduction(refunded, refunds.size(), cancelled), Reduction::plus);
        });
        return byCurrency;
    }

    private static boolean within(String day, LocalDate from, LocalDate to) {
        LocalDate date = LocalDate.parse(day);
        return !date.isBefore(from) && !date.isAfter(to);
    }
}

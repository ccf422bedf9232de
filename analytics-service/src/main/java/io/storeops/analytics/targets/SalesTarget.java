package io.storeops.analytics.targets;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A store's sales target for a quarter, broken down into its months (which always sum to {@code
 * amountMinor}).
 *
 * <p>Orders carry no salesperson, so nobody's own sales can be told apart: a target with an {@code
 * owner} is the store's target that this person answers for, and its progress is the store's GMV
 * like any other. A store may have one target per quarter for itself (no owner) and one per
 * person responsible.
 *
 * @param quarter   such as 2026-Q4
 * @param owner     the username of the person responsible; null for the store as a whole
 * @param currency  the store's, in which its GMV counts towards the target
 * @param breakdown how the months were split: EVEN when LAST_YEAR found no sales (see {@code note})
 * @param note      why the breakdown differs from the one asked for; null when it does not
 */
public record SalesTarget(
        String targetId,
        String storeId,
        String quarter,
        String owner,
        String currency,
        long amountMinor,
        Breakdown breakdown,
        List<MonthTarget> months,
        String note,
        String setBy,
        Instant setAt) {

    /** The id's last part for a target with no owner. */
    static final String STORE_AS_A_WHOLE = "store";

    public SalesTarget {
        months = months == null ? List.of() : List.copyOf(months);
    }

    /** {@code storeId|quarter|owner}, with {@code store} for the store as a whole. */
    public static String idOf(String storeId, Quarter quarter, String owner) {
        return storeId + "|" + quarter + "|" + (owner == null ? STORE_AS_A_WHOLE : owner);
    }

    /**
     * The target {@code asked} for, its months split as asked; {@code lastYearGmv} (the store's GMV
     * per month of the same quarter a year earlier) is read only for {@link Breakdown#LAST_YEAR}.
     */
    public static SalesTarget set(
            String storeId,
            Quarter quarter,
            TargetAsked asked,
            Map<YearMonth, Long> lastYearGmv,
            String currency,
            String setBy,
            Instant at) {
        List<YearMonth> months = quarter.months();
        MonthlySplit.Split split = switch (asked.breakdown()) {
            case EVEN -> new MonthlySplit.Split(Breakdown.EVEN, MonthlySplit.even(asked.amountMinor(), months), null);
            case LAST_YEAR -> MonthlySplit.byLastYear(asked.amountMinor(), months, lastYearGmv);
            case BY_HAND ->
                new MonthlySplit.Split(
                        Breakdown.BY_HAND, MonthlySplit.byHand(asked.amountMinor(), months, asked.byHand()), null);
        };
        return new SalesTarget(
                idOf(storeId, quarter, asked.owner()),
                storeId,
                quarter.toString(),
                asked.owner(),
                currency,
                asked.amountMinor(),
                split.breakdown(),
                split.months(),
                split.note(),
                setBy,
                at);
    }

    /** The months of the period asked for: the whole quarter, or the one month. */
    public List<MonthTarget> period(YearMonth month) {
        if (month == null) {
            return months;
        }
        return months.stream()
                .filter(target -> target.yearMonth().equals(month))
                .findFirst()
                .map(List::of)
                .orElseThrow(() ->
                        new IllegalArgumentException(month + " is not a month of " + quarter + ": expected one of "
                                + months.stream().map(MonthTarget::month).toList() + "."));
    }
}

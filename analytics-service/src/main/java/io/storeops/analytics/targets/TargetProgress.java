package io.storeops.analytics.targets;

import io.storeops.analytics.rates.Rates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How far a store is towards a target over a period (the quarter, or one of its months) as of a
 * store-local day, with what the pace so far leads to by the period's end.
 *
 * <p>Achieved is the GMV of the orders paid on the period's days up to {@code asOf} (the day
 * counts as elapsed, even when it is today and not over); {@code netMinor} is that less what has
 * been paid back of those orders, for reference. The projection is a straight run-rate, achieved
 * ÷ days elapsed × days in the period, rounded half up to minor units: it knows nothing of seasons
 * or of the monthly breakdown, which the target line of {@code days} follows instead.
 *
 * @param gapMinor        what is still missing to the target; 0 once reached
 * @param exceededByMinor how far beyond the target; 0 until reached
 * @param shareAchieved   achieved ÷ target, to 4 places half up (0.1500 is 15 %); null for a month set to 0
 * @param daysElapsed     the period's days up to and including {@code asOf}
 * @param projectedMinor  null before the period starts: there is no pace yet
 * @param days            every day of the period, for a chart; the days after {@code asOf} carry only the target line
 */
public record TargetProgress(
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        long targetMinor,
        long achievedMinor,
        long paidOrders,
        long netMinor,
        long gapMinor,
        long exceededByMinor,
        BigDecimal shareAchieved,
        int daysElapsed,
        int daysTotal,
        Long projectedMinor,
        List<Day> days) {

    static final int SHARE_PLACES = 4;

    /**
     * One day of the period.
     *
     * @param gmvMinor              paid that day; null after {@code asOf}
     * @param cumulativeMinor       paid from the period's start to that day; null after {@code asOf}
     * @param targetCumulativeMinor the target due by the end of that day: the months before in full
     *                              and the day's month pro rata of its days, rounded half up
     */
    public record Day(LocalDate day, Long gmvMinor, Long cumulativeMinor, long targetCumulativeMinor) {}

    /**
     * What the store sold over the period's days up to {@code asOf}.
     *
     * @param gmvByDay GMV per store-local day; days without orders may be missing
     */
    public record SalesSoFar(Map<LocalDate, Long> gmvByDay, long paidOrders, long netMinor) {}

    /** The progress towards {@code months} (consecutive, in order) as of {@code asOf}. */
    public static TargetProgress of(List<MonthTarget> months, LocalDate asOf, SalesSoFar sales) {
        LocalDate from = months.get(0).yearMonth().atDay(1);
        LocalDate to = months.get(months.size() - 1).yearMonth().atEndOfMonth();
        long target = months.stream().mapToLong(MonthTarget::amountMinor).sum();
        int total = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int elapsed = (int) Math.max(0, Math.min(total, ChronoUnit.DAYS.between(from, asOf) + 1));

        List<Day> days = new ArrayList<>();
        long cumulative = 0;
        long targetBefore = 0;
        for (MonthTarget month : months) {
            int length = month.yearMonth().lengthOfMonth();
            for (int dayOfMonth = 1; dayOfMonth <= length; dayOfMonth++) {
                LocalDate day = month.yearMonth().atDay(dayOfMonth);
                long due = targetBefore + divided(month.amountMinor() * dayOfMonth, length);
                if (day.isAfter(asOf)) {
                    days.add(new Day(day, null, null, due));
                } else {
                    long gmv = sales.gmvByDay().getOrDefault(day, 0L);
                    cumulative += gmv;
                    days.add(new Day(day, gmv, cumulative, due));
                }
            }
            targetBefore += month.amountMinor();
        }
        return new TargetProgress(
                from,
                to,
                asOf,
                target,
                cumulative,
                sales.paidOrders(),
                sales.netMinor(),
                Math.max(0, target - cumulative),
                Math.max(0, cumulative - target),
                Rates.ratio(cumulative, target, SHARE_PLACES),
                elapsed,
                total,
                elapsed == 0 ? null : divided(cumulative * total, elapsed),
                List.copyOf(days));
    }

    /** The last day whose sales count: {@code asOf}, or the period's end when it is over. */
    public static LocalDate salesUntil(List<MonthTarget> months, LocalDate asOf) {
        LocalDate end = months.get(months.size() - 1).yearMonth().atEndOfMonth();
        return asOf.isAfter(end) ? end : asOf;
    }

    private static long divided(long dividend, long divisor) {
        return Rates.ratio(dividend, divisor, 0).longValueExact();
    }
}

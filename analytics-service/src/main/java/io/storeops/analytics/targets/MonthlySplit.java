package io.storeops.analytics.targets;

import java.math.BigInteger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Breaks a quarter's target (minor units) into its months so that the months always sum to the
 * quarter exactly: a target the months do not add up to would leave the team arguing about which
 * figure counts.
 */
public final class MonthlySplit {

    private MonthlySplit() {}

    /**
     * The months and how they came about.
     *
     * @param breakdown how they were split: {@link Breakdown#EVEN} when a last-year split found no
     *     sales to weigh by
     * @param note      why the split is not the one asked for, for people; null when it is
     */
    public record Split(Breakdown breakdown, List<MonthTarget> months, String note) {}

    /** A third each; the one or two minor units left over go to the first months, one each. */
    public static List<MonthTarget> even(long totalMinor, List<YearMonth> months) {
        return weighted(totalMinor, months, months.stream().map(month -> 1L).toList());
    }

    /**
     * In proportion to the store's GMV in the same months a year earlier ({@code lastYearGmv} keyed
     * by those earlier months; a month missing had none). Each month gets its exact share rounded
     * down, and the minor units still missing go one each to the months with the largest fractions
     * (the earlier month on a tie). Without any sales last year there is nothing to weigh by: even,
     * and the note says so.
     */
    public static Split byLastYear(long totalMinor, List<YearMonth> months, Map<YearMonth, Long> lastYearGmv) {
        List<Long> weights = months.stream()
                .map(month -> Math.max(0, lastYearGmv.getOrDefault(month.minusYears(1), 0L)))
                .toList();
        if (weights.stream().allMatch(weight -> weight == 0)) {
            return new Split(
                    Breakdown.EVEN,
                    even(totalMinor, months),
                    "LAST_YEAR was asked, but " + months.get(0).minusYears(1) + " to "
                            + months.get(months.size() - 1).minusYears(1)
                            + " had no sales to weigh by: split evenly.");
        }
        return new Split(Breakdown.LAST_YEAR, weighted(totalMinor, months, weights), null);
    }

    /**
     * The manager's own months: exactly the quarter's months, none negative, summing to the quarter
     * exactly; a refusal naming what is wrong (and by how much) otherwise.
     */
    public static List<MonthTarget> byHand(long totalMinor, List<YearMonth> months, Map<YearMonth, Long> written) {
        Set<YearMonth> expected = new TreeSet<>(months);
        if (written == null || !expected.equals(new TreeSet<>(written.keySet()))) {
            throw new IllegalArgumentException("BY_HAND months must be exactly " + expected + ", not "
                    + (written == null ? "none" : new TreeSet<>(written.keySet())) + ".");
        }
        months.forEach(month -> {
            Long amount = written.get(month);
            if (amount == null || amount < 0) {
                throw new IllegalArgumentException(
                        "The amount of " + month + " must be zero or more minor units, not " + amount + ".");
            }
        });
        long sum = months.stream().mapToLong(written::get).sum();
        if (sum != totalMinor) {
            long difference = Math.abs(totalMinor - sum);
            throw new IllegalArgumentException("The months sum to " + sum + ", " + difference
                    + (sum < totalMinor ? " less" : " more") + " than the quarter's " + totalMinor
                    + " (minor units); they must sum to it exactly.");
        }
        return months.stream()
                .map(month -> MonthTarget.of(month, written.get(month)))
                .toList();
    }

    /** Largest-remainder rounding of {@code totalMinor} by {@code weights} (not all zero). */
    private static List<MonthTarget> weighted(long totalMinor, List<YearMonth> months, List<Long> weights) {
        BigInteger total = BigInteger.valueOf(totalMinor);
        BigInteger weightSum =
                BigInteger.valueOf(weights.stream().mapToLong(Long::longValue).sum());
        List<Long> amounts = new ArrayList<>();
        List<BigInteger> remainders = new ArrayList<>();
        for (long weight : weights) {
            BigInteger[] shareAndRest =
                    total.multiply(BigInteger.valueOf(weight)).divideAndRemainder(weightSum);
            amounts.add(shareAndRest[0].longValueExact());
            remainders.add(shareAndRest[1]);
        }
        long missing = totalMinor - amounts.stream().mapToLong(Long::longValue).sum();
        IntStream.range(0, months.size())
                .boxed()
                .sorted(Comparator.<Integer, BigInteger>comparing(remainders::get)
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .limit(missing)
                .forEach(index -> amounts.set(index, amounts.get(index) + 1));
        return IntStream.range(0, months.size())
                .mapToObj(index -> MonthTarget.of(months.get(index), amounts.get(index)))
                .toList();
    }
}

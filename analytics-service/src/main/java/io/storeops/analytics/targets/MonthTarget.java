package io.storeops.analytics.targets;

import java.time.YearMonth;

/**
 * One month's share of a quarter's target.
 *
 * @param month yyyy-MM, kept as text so the stored target needs no converter
 */
public record MonthTarget(String month, long amountMinor) {

    public static MonthTarget of(YearMonth month, long amountMinor) {
        return new MonthTarget(month.toString(), amountMinor);
    }

    public YearMonth yearMonth() {
        return YearMonth.parse(month);
    }
}

package io.storeops.analytics.targets;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written as managers write it: {@code 2026-Q4} is October to December 2026. */
public record Quarter(int year, int number) {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2999;
    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (year < FIRST_YEAR || year > LAST_YEAR || number < 1 || number > 4) {
            throw new IllegalArgumentException("There is no quarter " + number + " of " + year + ".");
        }
    }

    /** {@code 2026-Q4}; anything else is refused with a message saying what is expected. */
    public static Quarter parse(String written) {
        Matcher matcher = WRITTEN.matcher(written == null ? "" : written.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + written + "' is not a quarter: expected a year and Q1 to Q4, such as 2026-Q4.");
        }
        return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** The quarter {@code month} is in. */
    public static Quarter of(YearMonth month) {
        return new Quarter(month.getYear(), (month.getMonthValue() + 2) / 3);
    }

    /** Its three months, in order. */
    public List<YearMonth> months() {
        YearMonth first = YearMonth.of(year, 3 * number - 2);
        return List.of(first, first.plusMonths(1), first.plusMonths(2));
    }

    public LocalDate firstDay() {
        return months().get(0).atDay(1);
    }

    public LocalDate lastDay() {
        return months().get(2).atEndOfMonth();
    }

    /** The same quarter a year earlier, whose sales weight a {@link Breakdown#LAST_YEAR} split. */
    public Quarter aYearEarlier() {
        return new Quarter(year - 1, number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}

package io.storeops.analytics.reports;

import io.storeops.analytics.targets.Quarter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store-local days a report covers: a day, an ISO week (Monday to Sunday, 2026-W48), a month or
 * a quarter; and the period before it of the same kind, which its figures are compared with.
 */
public record ReportPeriod(Kind kind, LocalDate from, LocalDate to) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");

    public enum Kind {
        DAILY,
        WEEKLY,
        MONTHLY,
        QUARTERLY
    }

    /** The period of {@code kind} named as written: 2026-11-29, 2026-W48, 2026-11, 2026-Q4. */
    public static ReportPeriod parse(Kind kind, String written) {
        String text = written == null ? "" : written.strip().toUpperCase(Locale.ROOT);
        try {
            return switch (kind) {
                case DAILY -> day(LocalDate.parse(text));
                case WEEKLY -> week(text);
                case MONTHLY -> month(YearMonth.parse(text));
                case QUARTERLY -> quarter(Quarter.parse(text));
            };
        } catch (DateTimeParseException | IllegalArgumentException unreadable) {
            throw new IllegalArgumentException("'" + written + "' is not a "
                    + kind.name().toLowerCase(Locale.ROOT) + " period: write " + example(kind) + ".");
        }
    }

    /** The period of {@code kind} that holds {@code day}. */
    public static ReportPeriod holding(Kind kind, LocalDate day) {
        return switch (kind) {
            case DAILY -> day(day);
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod(Kind.WEEKLY, monday, monday.plusDays(6));
            }
            case MONTHLY -> month(YearMonth.from(day));
            case QUARTERLY -> quarter(new Quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR)));
        };
    }

    /** The period of the same kind just before. */
    public ReportPeriod previous() {
        return holding(kind, from.minusDays(1));
    }

    /** The quarter the period ends in, whose target it is held against. */
    public Quarter quarter() {
        return new Quarter(to.getYear(), to.get(IsoFields.QUARTER_OF_YEAR));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period as written: 2026-11-29, 2026-W48, 2026-11, 2026-Q4. */
    public String name() {
        return switch (kind) {
            case DAILY -> from.toString();
            case WEEKLY ->
                String.format(
                        "%d-W%02d", from.get(IsoFields.WEEK_BASED_YEAR), from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> YearMonth.from(from).toString();
            case QUARTERLY -> quarter().toString();
        };
    }

    private static ReportPeriod day(LocalDate day) {
        return new ReportPeriod(Kind.DAILY, day, day);
    }

    private static ReportPeriod week(String text) {
        Matcher written = WEEK.matcher(text);
        if (!written.matches()) {
            throw new IllegalArgumentException(text);
        }
        int year = Integer.parseInt(written.group(1));
        int number = Integer.parseInt(written.group(2));
        LocalDate midYear = LocalDate.of(year, 6, 1);
        if (number < 1
                || number > midYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new IllegalArgumentException(text);
        }
        LocalDate monday = midYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(Kind.WEEKLY, monday, monday.plusDays(6));
    }

    private static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(Kind.MONTHLY, month.atDay(1), month.atEndOfMonth());
    }

    private static ReportPeriod quarter(Quarter quarter) {
        return new ReportPeriod(Kind.QUARTERLY, quarter.firstDay(), quarter.lastDay());
    }

    private static String example(Kind kind) {
        return switch (kind) {
            case DAILY -> "a day such as 2026-11-29";
            case WEEKLY -> "an ISO week such as 2026-W48";
            case MONTHLY -> "a month such as 2026-11";
            case QUARTERLY -> "a quarter such as 2026-Q4";
        };
    }
}

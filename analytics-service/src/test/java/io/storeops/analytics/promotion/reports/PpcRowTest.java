package io.storeops.analytics.promotion.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of a row given already typed (the JSON API), the same as a file's rows go through. */
class PpcRowTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-28");

    private static PpcRow row(LocalDate day, Integer hour, long impressions, long clicks, long spend, String currency) {
        return new PpcRow(
                day,
                "茶语旗舰店",
                "双11",
                null,
                null,
                "龙井茶",
                null,
                null,
                hour,
                impressions,
                clicks,
                spend,
                0,
                0,
                1,
                29800,
                currency);
    }

    @Test
    void aGoodRowHasNoProblem() {
        assertThat(PpcRow.validate(row(TODAY, 23, 100, 100, 1234, "CNY"), TODAY))
                .isEmpty();
        assertThat(PpcRow.validate(row(TODAY.minusDays(400), null, 0, 0, 0, null), TODAY))
                .isEmpty();
    }

    @Test
    void eachProblemIsNamedByItsComponent() {
        assertThat(PpcRow.validate(row(TODAY.plusDays(1), 24, 10, 11, -5, "XYZ"), TODAY))
                .containsExactly(
                        new RowProblem("day", "the date 2026-11-29 is after today (2026-11-28)"),
                        new RowProblem("hour", "the hour 24 is not within 0..23"),
                        new RowProblem("spendMinor", "must not be negative"),
                        new RowProblem("clicks", "clicks (11) exceed impressions (10)"),
                        new RowProblem("currency", "\"XYZ\" is not an ISO 4217 currency code"));
        assertThat(PpcRow.validate(
                        new PpcRow(null, null, null, null, null, null, null, null, -1, -1, -2, 0, -1, -1, -1, -1, null),
                        TODAY))
                .extracting(RowProblem::column)
                .containsExactly("day", "hour", "impressions", "clicks", "favourites", "carts", "orders", "gmvMinor");
    }

    @Test
    void theGrainOfTypedRowsIsTheFinestDimensionAnyOfThemHas() {
        PpcRow byKeyword = row(TODAY, null, 10, 1, 100, null);
        PpcRow byHour = row(TODAY, 8, 10, 1, 100, null);

        assertThat(ReportGrain.of(List.of(byKeyword))).isEqualTo(ReportGrain.KEYWORD);
        assertThat(ReportGrain.of(List.of(byKeyword, byHour))).isEqualTo(ReportGrain.HOUR);
        assertThat(ReportGrain.of(List.of())).isEqualTo(ReportGrain.ACCOUNT);
    }
}

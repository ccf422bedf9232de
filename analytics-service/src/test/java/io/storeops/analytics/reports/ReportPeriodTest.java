package io.storeops.analytics.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void periodsAreWrittenAsPeopleWriteThemAndComeAfterThePeriodBefore() {
        ReportPeriod week = ReportPeriod.parse(ReportPeriod.Kind.WEEKLY, "2026-W48");
        assertThat(week.from()).isEqualTo(LocalDate.parse("2026-11-23")); // a Monday
        assertThat(week.to()).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(week.previous()).isEqualTo(ReportPeriod.parse(ReportPeriod.Kind.WEEKLY, "2026-w47"));
        assertThat(week.name()).isEqualTo("2026-W48");

        ReportPeriod firstWeek = ReportPeriod.parse(ReportPeriod.Kind.WEEKLY, "2026-W01");
        assertThat(firstWeek.from()).as("ISO week 1 of 2026 starts in 2025").isEqualTo(LocalDate.parse("2025-12-29"));

        ReportPeriod march = ReportPeriod.parse(ReportPeriod.Kind.MONTHLY, "2024-03");
        assertThat(march.previous().days()).as("February of a leap year").isEqualTo(29);

        ReportPeriod quarter = ReportPeriod.holding(ReportPeriod.Kind.QUARTERLY, LocalDate.parse("2026-11-29"));
        assertThat(quarter.name()).isEqualTo("2026-Q4");
        assertThat(quarter.previous().from()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(ReportPeriod.holding(ReportPeriod.Kind.DAILY, LocalDate.parse("2027-01-01"))
                        .previous()
                        .quarter()
                        .toString())
                .isEqualTo("2026-Q4");
    }

    @Test
    void aPeriodThatIsNoneIsRefusedWithAnExample() {
        assertThatThrownBy(() -> ReportPeriod.parse(ReportPeriod.Kind.WEEKLY, "2026-W54"))
                .hasMessageContaining("2026-W48");
        assertThatThrownBy(() -> ReportPeriod.parse(ReportPeriod.Kind.MONTHLY, "2026-13"))
                .hasMessageContaining("a month such as 2026-11");
        assertThatThrownBy(() -> ReportPeriod.parse(ReportPeriod.Kind.DAILY, null))
                .hasMessageContaining("a day such as");
    }
}

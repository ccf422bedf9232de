package io.storeops.analytics.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void aWrittenQuarterIsItsThreeMonths() {
        Quarter q4 = Quarter.parse("2026-Q4");

        assertThat(q4.months()).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12));
        assertThat(q4.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Quarter.parse(" 2024-Q1 ").months()).first().isEqualTo(YearMonth.of(2024, 1));
        assertThat(q4.aYearEarlier()).hasToString("2025-Q4");
    }

    @Test
    void everyMonthIsInTheQuarterWhoseMonthsHoldIt() {
        for (int month = 1; month <= 12; month++) {
            YearMonth yearMonth = YearMonth.of(2026, month);

            assertThat(Quarter.of(yearMonth).months()).contains(yearMonth);
        }
        assertThat(Quarter.of(YearMonth.of(2026, 12))).hasToString("2026-Q4");
    }

    @Test
    void anythingButAYearAndQ1ToQ4IsRefusedSayingWhatIsExpected() {
        assertThatThrownBy(() -> Quarter.parse("2026-Q5"))
                .hasMessage("'2026-Q5' is not a quarter: expected a year and Q1 to Q4, such as 2026-Q4.");
        assertThatThrownBy(() -> Quarter.parse("2026-q4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quarter.parse("26-Q4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quarter.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quarter.parse("1999-Q4")).hasMessage("There is no quarter 4 of 1999.");
    }
}

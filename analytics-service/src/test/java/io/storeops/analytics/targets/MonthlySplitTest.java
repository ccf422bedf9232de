package io.storeops.analytics.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthlySplitTest {

    private static final List<YearMonth> Q4 = Quarter.parse("2026-Q4").months();
    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);

    @Test
    void anEvenSplitGivesTheOddMinorUnitsToTheFirstMonths() {
        // 100 = 33 × 3 + 1: October gets the 1
        assertThat(amounts(MonthlySplit.even(100, Q4))).containsExactly(34L, 33L, 33L);
        // 101 = 33 × 3 + 2: October and November get one each
        assertThat(amounts(MonthlySplit.even(101, Q4))).containsExactly(34L, 34L, 33L);
        assertThat(amounts(MonthlySplit.even(99, Q4))).containsExactly(33L, 33L, 33L);
        assertThat(MonthlySplit.even(100, Q4)).first().isEqualTo(new MonthTarget("2026-10", 34));
    }

    @Test
    void lastYearsMonthsWeighTheSplitWithTheLargestRemaindersRoundedUp() {
        // 2025: 10 000, 20 000, 10 000 → shares of 100 001: 25 000.25, 50 000.5, 25 000.25;
        // floors sum to 100 000, the missing 1 goes to the largest fraction (.5, November)
        MonthlySplit.Split split = MonthlySplit.byLastYear(
                100_001,
                Q4,
                Map.of(OCT.minusYears(1), 10_000L, NOV.minusYears(1), 20_000L, DEC.minusYears(1), 10_000L));

        assertThat(split.breakdown()).isEqualTo(Breakdown.LAST_YEAR);
        assertThat(split.note()).isNull();
        assertThat(amounts(split.months())).containsExactly(25_000L, 50_001L, 25_000L);

        // 7 : 0 : 3 of 1 001 → 700.7, 0, 300.3 → 700 + 0 + 300 = 1 000; the 1 left to .7 (October)
        assertThat(amounts(MonthlySplit.byLastYear(1_001, Q4, Map.of(OCT.minusYears(1), 7L, DEC.minusYears(1), 3L))
                        .months()))
                .containsExactly(701L, 0L, 300L);
        // equal fractions (333.33 each): the earlier month first
        assertThat(amounts(MonthlySplit.byLastYear(
                                1_000, Q4, Map.of(OCT.minusYears(1), 5L, NOV.minusYears(1), 5L, DEC.minusYears(1), 5L))
                        .months()))
                .containsExactly(334L, 333L, 333L);
    }

    @Test
    void withoutSalesLastYearTheSplitIsEvenAndSaysSo() {
        MonthlySplit.Split split = MonthlySplit.byLastYear(100, Q4, Map.of(YearMonth.of(2026, 10), 5_000L));

        assertThat(split.breakdown()).isEqualTo(Breakdown.EVEN);
        assertThat(amounts(split.months())).containsExactly(34L, 33L, 33L);
        assertThat(split.note())
                .isEqualTo("LAST_YEAR was asked, but 2025-10 to 2025-12 had no sales to weigh by: split evenly.");
    }

    @Test
    void monthsByHandMustBeTheQuartersAndSumToItExactly() {
        assertThat(amounts(MonthlySplit.byHand(9_000, Q4, Map.of(OCT, 1_000L, NOV, 3_000L, DEC, 5_000L))))
                .containsExactly(1_000L, 3_000L, 5_000L);
        assertThatThrownBy(() -> MonthlySplit.byHand(9_000, Q4, Map.of(OCT, 3_000L, NOV, 3_000L, DEC, 2_999L)))
                .hasMessage("The months sum to 8999, 1 less than the quarter's 9000 (minor units); they must sum "
                        + "to it exactly.");
        assertThatThrownBy(() -> MonthlySplit.byHand(9_000, Q4, Map.of(OCT, 3_000L, NOV, 3_000L, DEC, 3_500L)))
                .hasMessageStartingWith("The months sum to 9500, 500 more than");
        assertThatThrownBy(() -> MonthlySplit.byHand(9_000, Q4, Map.of(OCT, 4_500L, NOV, 4_500L)))
                .hasMessage("BY_HAND months must be exactly [2026-10, 2026-11, 2026-12], not [2026-10, 2026-11].");
        assertThatThrownBy(() -> MonthlySplit.byHand(9_000, Q4, Map.of(OCT, 10_000L, NOV, -1_000L, DEC, 0L)))
                .hasMessage("The amount of 2026-11 must be zero or more minor units, not -1000.");
    }

    private static List<Long> amounts(List<MonthTarget> months) {
        return months.stream().map(MonthTarget::amountMinor).toList();
    }
}

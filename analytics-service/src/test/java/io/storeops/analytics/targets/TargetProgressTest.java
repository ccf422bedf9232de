package io.storeops.analytics.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetProgressTest {

    private static final List<MonthTarget> Q4 = List.of(
            new MonthTarget("2026-10", 3_100_000),
            new MonthTarget("2026-11", 3_000_000),
            new MonthTarget("2026-12", 3_100_000));
    private static final List<MonthTarget> NOVEMBER = List.of(new MonthTarget("2026-11", 1_000));

    @Test
    void theQuarterSoFarItsGapShareAndRunRateProjection() {
        var sales = new TargetProgress.SalesSoFar(
                Map.of(
                        LocalDate.parse("2026-10-01"), 100_000L,
                        LocalDate.parse("2026-10-31"), 2_000_000L,
                        LocalDate.parse("2026-11-15"), 500_000L,
                        LocalDate.parse("2026-11-16"), 999L), // after asOf: not counted
                41,
                2_550_000);

        TargetProgress progress = TargetProgress.of(Q4, LocalDate.parse("2026-11-15"), sales);

        assertThat(progress.from()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(progress.to()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(progress.targetMinor()).isEqualTo(9_200_000); // 3 100 000 + 3 000 000 + 3 100 000
        assertThat(progress.achievedMinor()).isEqualTo(2_600_000); // 100 000 + 2 000 000 + 500 000
        assertThat(progress.paidOrders()).isEqualTo(41);
        assertThat(progress.netMinor()).isEqualTo(2_550_000);
        assertThat(progress.gapMinor()).isEqualTo(6_600_000); // 9 200 000 − 2 600 000
        assertThat(progress.exceededByMinor()).isZero();
        assertThat(progress.shareAchieved()).isEqualByComparingTo("0.2826"); // 2.6 / 9.2 = 0.28260…
        assertThat(progress.daysElapsed()).isEqualTo(46); // 31 in October + 15 in November
        assertThat(progress.daysTotal()).isEqualTo(92); // 31 + 30 + 31
        assertThat(progress.projectedMinor()).isEqualTo(5_200_000); // 2 600 000 / 46 × 92

        assertThat(progress.days()).hasSize(92);
        // 3 100 000 × 1/31 = 100 000
        assertThat(progress.days().get(0))
                .isEqualTo(new TargetProgress.Day(LocalDate.parse("2026-10-01"), 100_000L, 100_000L, 100_000));
        // October in full + 3 000 000 × 15/30 = 3 100 000 + 1 500 000
        assertThat(progress.days().get(45))
                .isEqualTo(new TargetProgress.Day(LocalDate.parse("2026-11-15"), 500_000L, 2_600_000L, 4_600_000));
        // after asOf only the target line: 3 100 000 + 3 000 000 × 16/30
        assertThat(progress.days().get(46))
                .isEqualTo(new TargetProgress.Day(LocalDate.parse("2026-11-16"), null, null, 4_700_000));
        assertThat(progress.days().get(91).targetCumulativeMinor()).isEqualTo(9_200_000);
    }

    @Test
    void oneMonthRoundsItsProjectionShareAndTargetLineHalfUp() {
        var sales = new TargetProgress.SalesSoFar(Map.of(LocalDate.parse("2026-11-01"), 333L), 1, 333);

        TargetProgress progress = TargetProgress.of(NOVEMBER, LocalDate.parse("2026-11-07"), sales);

        assertThat(progress.daysElapsed()).isEqualTo(7);
        assertThat(progress.daysTotal()).isEqualTo(30);
        assertThat(progress.projectedMinor()).isEqualTo(1_427); // 333 × 30 / 7 = 1 427.14
        assertThat(progress.shareAchieved()).isEqualByComparingTo("0.3330"); // 333 / 1 000
        assertThat(progress.gapMinor()).isEqualTo(667);
        assertThat(progress.days().get(0).targetCumulativeMinor()).isEqualTo(33); // 1 000 / 30 = 33.33
        assertThat(progress.days().get(1).targetCumulativeMinor()).isEqualTo(67); // 2 000 / 30 = 66.67
        assertThat(progress.days().get(6).targetCumulativeMinor()).isEqualTo(233); // 7 000 / 30 = 233.33
        assertThat(progress.days().get(6).cumulativeMinor()).isEqualTo(333L);
        assertThat(progress.days().get(6).gmvMinor()).isZero();

        // 1 / 20 000 = 0.00005, half up to 0.0001
        assertThat(TargetProgress.of(
                                List.of(new MonthTarget("2026-11", 20_000)),
                                LocalDate.parse("2026-11-30"),
                                new TargetProgress.SalesSoFar(Map.of(LocalDate.parse("2026-11-30"), 1L), 1, 1))
                        .shareAchieved())
                .isEqualByComparingTo(new BigDecimal("0.0001"));
    }

    @Test
    void beyondTheTargetTheGapIsZeroAndTheExcessIsSaid() {
        var sales = new TargetProgress.SalesSoFar(Map.of(LocalDate.parse("2026-11-03"), 1_500L), 2, 1_500);

        TargetProgress progress = TargetProgress.of(NOVEMBER, LocalDate.parse("2026-12-05"), sales);

        assertThat(progress.gapMinor()).isZero();
        assertThat(progress.exceededByMinor()).isEqualTo(500);
        assertThat(progress.shareAchieved()).isEqualByComparingTo("1.5000");
        // the month is over: all 30 days elapsed, and the projection is what was achieved
        assertThat(progress.daysElapsed()).isEqualTo(30);
        assertThat(progress.projectedMinor()).isEqualTo(1_500);
        assertThat(TargetProgress.salesUntil(NOVEMBER, LocalDate.parse("2026-12-05")))
                .isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void beforeThePeriodThereIsNoPaceToProjectAndAMonthSetToZeroHasNoShare() {
        TargetProgress early = TargetProgress.of(
                NOVEMBER, LocalDate.parse("2026-10-20"), new TargetProgress.SalesSoFar(Map.of(), 0, 0));

        assertThat(early.daysElapsed()).isZero();
        assertThat(early.projectedMinor()).isNull();
        assertThat(early.achievedMinor()).isZero();
        assertThat(early.days()).allMatch(day -> day.gmvMinor() == null);

        TargetProgress zero = TargetProgress.of(
                List.of(new MonthTarget("2026-11", 0)),
                LocalDate.parse("2026-11-10"),
                new TargetProgress.SalesSoFar(Map.of(), 0, 0));
        assertThat(zero.shareAchieved()).isNull();
    }
}

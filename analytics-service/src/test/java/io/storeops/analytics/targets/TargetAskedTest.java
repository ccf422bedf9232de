package io.storeops.analytics.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetAskedTest {

    private static final Quarter Q4 = Quarter.parse("2026-Q4");

    @Test
    void aTargetIsAPositiveAmountAKnownBreakdownAndMonthsOnlyByHand() {
        assertThat(TargetAsked.read(Q4, " li.na ", 9_000L, "even", null))
                .isEqualTo(new TargetAsked("li.na", 9_000, Breakdown.EVEN, Map.of()));
        assertThatThrownBy(() -> TargetAsked.read(Q4, null, 0L, "EVEN", null))
                .hasMessage(
                        "amountMinor must be a positive amount in minor units (fen, cents), at most 1000000000000000, not 0.");
        assertThatThrownBy(() -> TargetAsked.read(Q4, null, 9_000L, "SEASONAL", null))
                .hasMessage("breakdown must be EVEN, LAST_YEAR or BY_HAND, not 'SEASONAL'.");
        assertThatThrownBy(() -> TargetAsked.read(Q4, null, 9_000L, "BY_HAND", Map.of()))
                .hasMessageStartingWith("BY_HAND needs months");
        assertThatThrownBy(() -> TargetAsked.read(Q4, null, 9_000L, "EVEN", Map.of("2026-10", 9_000L)))
                .hasMessage("months are written only with BY_HAND; EVEN computes them.");
        assertThatThrownBy(() -> TargetAsked.read(Q4, null, 9_000L, "BY_HAND", Map.of("October", 9_000L)))
                .hasMessage("'October' is not a month: expected yyyy-MM, such as 2026-10.");
        assertThatThrownBy(() -> TargetAsked.read(Q4, "store", 9_000L, "EVEN", null))
                .hasMessageStartingWith("owner must be a username");
        assertThatThrownBy(() -> TargetAsked.read(Q4, "li|na", 9_000L, "EVEN", null))
                .hasMessageStartingWith("owner must be a username");
    }

    @Test
    void aTargetByHandIsCheckedAgainstTheQuarterWhenAsked() {
        assertThatThrownBy(() -> TargetAsked.read(
                        Q4, null, 9_000L, "BY_HAND", Map.of("2026-10", 3_000L, "2026-11", 3_000L, "2026-12", 2_000L)))
                .hasMessageStartingWith("The months sum to 8000, 1000 less than the quarter's 9000");
    }

    @Test
    void aSetTargetIsKeyedByStoreQuarterAndOwnerAndKeepsItsMonths() {
        TargetAsked asked = TargetAsked.read(
                Q4, "li.na", 9_000L, "BY_HAND", Map.of("2026-10", 1_000L, "2026-11", 3_000L, "2026-12", 5_000L));
        Instant at = Instant.parse("2026-09-20T02:00:00Z");

        SalesTarget target = SalesTarget.set("tmall-flagship", Q4, asked, Map.of(), "CNY", "mgr.wang", at);

        assertThat(target.targetId()).isEqualTo("tmall-flagship|2026-Q4|li.na");
        assertThat(SalesTarget.idOf("tmall-flagship", Q4, null)).isEqualTo("tmall-flagship|2026-Q4|store");
        assertThat(target.months())
                .containsExactly(
                        new MonthTarget("2026-10", 1_000),
                        new MonthTarget("2026-11", 3_000),
                        new MonthTarget("2026-12", 5_000));
        assertThat(target.period(YearMonth.of(2026, 11))).containsExactly(new MonthTarget("2026-11", 3_000));
        assertThat(target.period(null)).hasSize(3);
        assertThatThrownBy(() -> target.period(YearMonth.of(2027, 1)))
                .hasMessage("2027-01 is not a month of 2026-Q4: expected one of [2026-10, 2026-11, 2026-12].");
    }
}

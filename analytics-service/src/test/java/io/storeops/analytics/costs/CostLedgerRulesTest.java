package io.storeops.analytics.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostLedgerRulesTest {

    static final Instant AT = Instant.parse("2025-09-30T10:00:00Z");
    static final YearMonth SEPTEMBER = YearMonth.of(2025, 9);

    @Test
    void categoriesAreNamedInEnglishOrChineseAndAdSpendIsNeverEntered() {
        assertThat(CostCategory.named("工资")).isEqualTo(CostCategory.STAFF);
        assertThat(CostCategory.named("人工")).isEqualTo(CostCategory.STAFF);
        assertThat(CostCategory.named("技术服务费")).isEqualTo(CostCategory.PLATFORM_FEES);
        assertThat(CostCategory.named("佣金")).isEqualTo(CostCategory.PLATFORM_FEES);
        assertThat(CostCategory.named("platform fees")).isEqualTo(CostCategory.PLATFORM_FEES);
        assertThat(CostCategory.named("PLATFORM_FEES")).isEqualTo(CostCategory.PLATFORM_FEES);
        assertThat(CostCategory.named("物流")).isEqualTo(CostCategory.SHIPPING);
        assertThat(CostCategory.named("其他")).isEqualTo(CostCategory.OTHER);
        assertThatThrownBy(() -> CostCategory.named("AD_SPEND")).hasMessageContaining("not entered");
        assertThatThrownBy(() -> CostCategory.named("房租")).hasMessageContaining("not '房租'");
        assertThatThrownBy(() -> CostEntry.of("e1", CostCategory.STAFF, 0L, null, "mgr", AT, null))
                .hasMessageContaining("above 0");
    }

    @Test
    void anEntrySentAgainChangesNothingAndItsKeyWithAnotherCostIsRefused() {
        CostEntry wages = CostEntry.of("key-1", CostCategory.STAFF, 1_500_000L, " 9月工资 ", "mgr", AT, null);
        CostMonth month = CostMonth.empty("s", SEPTEMBER, "CNY").with(wages);

        assertThat(month.with(
                        CostEntry.of("key-1", CostCategory.STAFF, 1_500_000L, "9月工资", "mgr", AT.plusSeconds(5), null)))
                .isSameAs(month);
        assertThatThrownBy(() -> month.with(CostEntry.of("key-1", CostCategory.STAFF, 1L, null, "mgr", AT, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(month.entries().get(0).note()).isEqualTo("9月工资");
        assertThat(month.without("key-1").entries()).isEmpty();
        assertThat(month.without("nope")).isEqualTo(month);
    }

    @Test
    void anImportReplacesWhatEarlierImportsBroughtAndKeepsWhatWasEntered() {
        CostEntry entered = CostEntry.of("key-1", CostCategory.OTHER, 10_000L, null, "mgr", AT, null);
        CostEntry firstImport = CostEntry.of("i1:2", CostCategory.SHIPPING, 80_000L, null, "mgr", AT, "i1");
        CostEntry secondImport = CostEntry.of("i2:2", CostCategory.SHIPPING, 85_000L, null, "mgr", AT, "i2");

        CostMonth month = CostMonth.empty("s", SEPTEMBER, "CNY")
                .with(entered)
                .imported(List.of(firstImport))
                .imported(List.of(secondImport));

        assertThat(month.entries()).containsExactly(entered, secondImport);
        assertThat(month.byCategory()).isEqualTo(Map.of(CostCategory.OTHER, 10_000L, CostCategory.SHIPPING, 85_000L));
    }

    @Test
    void operatingRoiIsNetSalesOverTotalCostAndTheRangeTotalsAreNotAveragedRatios() {
        // costs 15 000.00 staff + 3 000.00 fees + 2 000.00 ad spend = 20 000.00; net 50 000.00 - 1 000.00 refunded
        OperatingRoi.Figures september = OperatingRoi.month(
                "2025-09",
                Map.of(CostCategory.STAFF, 1_500_000L, CostCategory.PLATFORM_FEES, 300_000L),
                200_000L,
                5_000_000L,
                4_900_000L);
        assertThat(september.costs())
                .containsEntry(CostCategory.AD_SPEND, 200_000L)
                .containsEntry(CostCategory.SHIPPING, 0L);
        assertThat(september.totalCostMinor()).isEqualTo(2_000_000L);
        assertThat(september.roi()).isEqualByComparingTo("2.45"); // 4 900 000 / 2 000 000
        assertThat(september.costRatio()).isEqualByComparingTo("0.4082"); // 2 000 000 / 4 900 000 = 0.408163

        // October: 3 000.00 cost, no sales: ROI 0, no cost ratio
        OperatingRoi.Figures october = OperatingRoi.month("2025-10", Map.of(CostCategory.OTHER, 300_000L), 0, 0, 0);
        assertThat(october.roi()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(october.costRatio()).isNull();
        OperatingRoi.Figures nothing = OperatingRoi.month("2025-11", Map.of(), 0, 10_000, 10_000);
        assertThat(nothing.roi()).isNull();

        OperatingRoi.Figures total = OperatingRoi.total(List.of(september, october));
        assertThat(total.month()).isNull();
        assertThat(total.totalCostMinor()).isEqualTo(2_300_000L);
        assertThat(total.costs()).containsEntry(CostCategory.OTHER, 300_000L);
        assertThat(total.roi()).isEqualByComparingTo("2.13"); // 4 900 000 / 2 300 000 = 2.1304
        assertThat(total.costRatio()).isEqualByComparingTo("0.4694"); // 2 300 000 / 4 900 000 = 0.469387
    }
}

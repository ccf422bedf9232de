package io.storeops.analytics.reports;

import io.storeops.analytics.operations.OperationsFigures;
import io.storeops.analytics.promotion.PromotionTable;
import io.storeops.analytics.targets.TargetProgress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A report of one period for one store: its figures, the previous period's and the change between
 * them, the quarter's sales target as of the period's end, the days' sales for a chart, and the
 * keywords that spent most.
 *
 * @param target the store's target of the quarter the period ends in, as of its last day; null
 *     when none is set
 */
public record PeriodReport(
        String storeId,
        String storeName,
        ReportPeriod.Kind kind,
        String period,
        OperationsFigures figures,
        OperationsFigures previous,
        Changes changes,
        TargetProgress target,
        List<DaySales> days,
        List<PromotionTable.Row> topKeywords) {

    /** One day's paid orders and GMV. */
    public record DaySales(LocalDate day, long paidOrders, long gmvMinor) {}

    /** The changes against the previous period, as shares of it (0.1250 is 12.5 % more), 4 places; null from 0. */
    public record Changes(
            BigDecimal paidOrders,
            BigDecimal gmv,
            BigDecimal aov,
            BigDecimal parcelsDispatched,
            BigDecimal refunds,
            BigDecimal refunded,
            BigDecimal adSpend) {

        static Changes between(OperationsFigures before, OperationsFigures now) {
            return new Changes(
                    OperationsFigures.change(before.paidOrders(), now.paidOrders()),
                    OperationsFigures.change(before.gmvMinor(), now.gmvMinor()),
                    before.aovMinor() == null || now.aovMinor() == null
                            ? null
                            : OperationsFigures.change(before.aovMinor(), now.aovMinor()),
                    OperationsFigures.change(before.parcelsDispatched(), now.parcelsDispatched()),
                    OperationsFigures.change(before.refunds(), now.refunds()),
                    OperationsFigures.change(before.refundedMinor(), now.refundedMinor()),
                    OperationsFigures.change(before.adSpendMinor(), now.adSpendMinor()));
        }
    }
}

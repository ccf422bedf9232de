package io.storeops.console.analytics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * analytics-service's answers as the promotion pages read them: tolerant readers, so that the
 * service may add to its answers without breaking the console. Money in the store's minor units.
 */
final class AnalyticsModel {

    private AnalyticsModel() {}

    /** A pay-per-click report's import: a job that runs after the upload, and how far it got. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImportJob(
            String importId,
            String storeId,
            String fileName,
            String source,
            String grain,
            String status,
            int percent,
            long rowsAccepted,
            long rowsRefused,
            List<String> days,
            String problem,
            String requestedBy,
            Instant requestedAt) {

        ImportJob {
            days = days == null ? List.of() : days;
        }

        /** Still queued or running: the page asks again in a second. */
        public boolean unfinished() {
            return "QUEUED".equals(status) || "RUNNING".equals(status);
        }
    }

    /** The promotion figures by one dimension, sorted as asked, with the total over every row. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FiguresTable(
            String storeId,
            String currency,
            LocalDate from,
            LocalDate to,
            String by,
            String sort,
            String order,
            long rowsInAll,
            List<Figures> rows,
            Figures total) {

        FiguresTable {
            rows = rows == null ? List.of() : rows;
        }
    }

    /** One row's figures: the report's own attribution and StoreOps' (paid orders, less refunds). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Figures(
            String key,
            String label,
            String detail,
            long impressions,
            long clicks,
            BigDecimal ctr,
            long spendMinor,
            Long cpcMinor,
            long reportedOrders,
            long reportedGmvMinor,
            BigDecimal reportedConversion,
            BigDecimal reportedRoi,
            long orders,
            long gmvMinor,
            long refundedMinor,
            long netMinor,
            BigDecimal conversion,
            BigDecimal roi,
            BigDecimal roiNetOfRefunds) {}

    /** The targets of a store's year. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TargetList(String storeId, int year, List<Target> targets) {

        TargetList {
            targets = targets == null ? List.of() : targets;
        }
    }

    /** A quarter's GMV target, broken into months that add up to it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Target(
            String quarter,
            String owner,
            String currency,
            long amountMinor,
            String breakdown,
            List<MonthTarget> months,
            String note,
            String setBy,
            Instant setAt) {

        Target {
            months = months == null ? List.of() : months;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MonthTarget(String month, long amountMinor) {}

    /** How far a target is reached, as of a day, with each day's running total against the target line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Progress(
            LocalDate from,
            LocalDate to,
            LocalDate asOf,
            long targetMinor,
            long achievedMinor,
            long paidOrders,
            long netMinor,
            long gapMinor,
            long exceededByMinor,
            BigDecimal shareAchieved,
            int daysElapsed,
            int daysTotal,
            Long projectedMinor,
            List<ProgressDay> days) {

        Progress {
            days = days == null ? List.of() : days;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProgressDay(LocalDate day, Long gmvMinor, Long cumulativeMinor, long targetCumulativeMinor) {}

    /** A daily, weekly, monthly or quarterly report: the period's figures, the previous period's and the change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PeriodReport(
            String storeId,
            String storeName,
            String kind,
            String period,
            OperationsFigures figures,
            OperationsFigures previous,
            Changes changes,
            Progress target) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OperationsFigures(
            LocalDate from,
            LocalDate to,
            String currency,
            long paidOrders,
            long gmvMinor,
            Long aovMinor,
            long cancelled,
            long parcelsDispatched,
            long dispatchedLate,
            long troublesReported,
            long parcelsInTrouble,
            long refunds,
            long refundedMinor,
            BigDecimal refundRate,
            long netMinor,
            long adSpendMinor,
            BigDecimal roi,
            BigDecimal roiNetOfRefunds) {}

    /** The changes against the previous period as shares of it (0.1250 is 12.5 % more); null from 0. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Changes(
            BigDecimal paidOrders,
            BigDecimal gmv,
            BigDecimal aov,
            BigDecimal parcelsDispatched,
            BigDecimal refunds,
            BigDecimal refunded,
            BigDecimal adSpend) {}
}

package io.storeops.analytics.promotion.reports;

import java.time.LocalDate;

/**
 * What a report file held once it was read to its end.
 *
 * @param headerLine the 1-based line (CSV) or row (XLSX) of the header row
 * @param totalsSkipped totals lines (合计/汇总/总计, "Total: ...") that were skipped, not refused
 * @param firstDay the earliest day of an accepted row, null when no row was accepted
 * @param lastDay the latest day of an accepted row, null when no row was accepted
 */
public record ReportSummary(
        ReportSource source,
        ReportGrain grain,
        long headerLine,
        long rowsAccepted,
        long rowsRefused,
        long totalsSkipped,
        LocalDate firstDay,
        LocalDate lastDay) {}

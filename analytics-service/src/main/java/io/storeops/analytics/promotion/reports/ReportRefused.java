package io.storeops.analytics.promotion.reports;

import io.storeops.analytics.files.FileRefused;

/**
 * The file as a whole cannot be read as a pay-per-click report; {@link #getMessage()} says why in
 * English, {@link #chinese()} in Chinese, and {@link #column()} names the header at fault, if any.
 *
 * <p>Most refusals happen before the first row reaches the sink (empty file, not text, no or a wrong
 * header). A CSV file whose quoting breaks further down (a quote never closed) is refused where the
 * break is found, after the rows before it were already given to the sink: the caller keeps nothing
 * of a refused file.
 */
public final class ReportRefused extends FileRefused {

    /** The kinds of refusal, for an API problem type. */
    public enum Reason {
        /** No bytes, or nothing but blank lines. */
        EMPTY,
        /** Not text in UTF-8, UTF-16 or GB18030 (a binary file, or undecodable bytes in the header area). */
        NOT_TEXT,
        /** An old .xls workbook, a password-protected or broken workbook, or a CSV whose quoting is broken. */
        UNREADABLE,
        /** No row looks like a report header. */
        NO_HEADER,
        /** A header column that is neither read nor known to be ignored. */
        UNKNOWN_COLUMN,
        /** The same column twice, or two columns that give the same value. */
        DUPLICATE_COLUMN,
        /** The header has no date column (the report was not broken down by day). */
        NO_DATE_COLUMN,
        /** The header has no metric column (impressions, clicks, cost, orders...). */
        NO_METRIC_COLUMN
    }

    private final Reason reason;

    ReportRefused(Reason reason, String english, String chinese, String column) {
        super(FileRefused.Kind.valueOf(reason.name()), english, chinese, column);
        this.reason = reason;
    }

    ReportRefused(Reason reason, String english, String chinese) {
        this(reason, english, chinese, null);
    }

    /** A refusal of the shared file reading (empty, not text, unreadable) as a report's. */
    static ReportRefused of(FileRefused refused) {
        return refused instanceof ReportRefused report
                ? report
                : new ReportRefused(
                        Reason.valueOf(refused.kind().name()),
                        refused.getMessage(),
                        refused.chinese(),
                        refused.column());
    }

    public Reason reason() {
        return reason;
    }
}

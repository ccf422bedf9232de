package io.storeops.analytics.promotion.reports;

import io.storeops.platform.sheets.FileRefused;

/**
 * The file as a whole cannot be read as a pay-per-click report; {@link #getMessage()} says why in
 * English, {@link #chinese()} in Chinese, {@link #kind()} the kind of refusal (never
 * {@link FileRefused.Kind#REFUSED_ROWS}: a report's rows are refused one by one), and
 * {@link #column()} names the header at fault, if any.
 *
 * <p>Most refusals happen before the first row reaches the sink (empty file, not text, no or a wrong
 * header). A CSV file whose quoting breaks further down (a quote never closed) is refused where the
 * break is found, after the rows before it were already given to the sink: the caller keeps nothing
 * of a refused file.
 */
public final class ReportRefused extends FileRefused {

    ReportRefused(Kind kind, String english, String chinese, String column) {
        super(kind, english, chinese, column);
    }

    ReportRefused(Kind kind, String english, String chinese) {
        this(kind, english, chinese, null);
    }

    /** A refusal of the shared file reading (empty, not text, unreadable) as a report's. */
    static ReportRefused of(FileRefused refused) {
        return refused instanceof ReportRefused report
                ? report
                : new ReportRefused(refused.kind(), refused.getMessage(), refused.chinese(), refused.column());
    }
}

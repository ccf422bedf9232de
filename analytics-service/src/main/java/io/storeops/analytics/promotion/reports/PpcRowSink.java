package io.storeops.analytics.promotion.reports;

import io.storeops.platform.sheets.RefusedRow;

/** Receives a report's rows as they are read, in file order. Called on the reading thread. */
public interface PpcRowSink {

    /**
     * Called once, after the header row is read and accepted and before any row: who made the report
     * and its grain (so that the caller knows which stored rows a day's new rows replace).
     */
    default void header(ReportSource source, ReportGrain grain) {}

    /** A row that passed every check. */
    void accepted(PpcRow row);

    /** A row that did not; the file goes on. */
    void refused(RefusedRow refused);
}

package io.storeops.analytics.reports.document;

/** One part of a {@link ReportDocument}, under its heading (null for none). */
public sealed interface Section permits Tiles, Table, Chart {

    String heading();
}

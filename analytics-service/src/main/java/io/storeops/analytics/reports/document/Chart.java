package io.storeops.analytics.reports.document;

import java.util.List;

/**
 * A chart of one or more series over the same categories (days, stores, keywords), drawn by {@link
 * ReportCharts}. The categories are the points' x values in the order they first appear.
 */
public sealed interface Chart extends Section permits LineChart, BarChart {

    /** The label of the category axis, e.g. 日期; null for none. */
    String categoryLabel();

    /** The label of the value axis, e.g. 元; null for none. */
    String valueLabel();

    List<Series> series();
}

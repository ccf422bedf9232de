package io.storeops.analytics.reports.document;

import java.util.List;

/** Vertical bars per category, one colour per series, e.g. 各店铺成交金额 this week and last. */
public record BarChart(String heading, String categoryLabel, String valueLabel, List<Series> series) implements Chart {

    public BarChart {
        series = List.copyOf(series);
    }
}

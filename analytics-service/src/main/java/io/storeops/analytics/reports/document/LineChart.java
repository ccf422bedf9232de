package io.storeops.analytics.reports.document;

import java.util.List;

/** Lines over ordered categories, e.g. 每日成交金额 by 日期 in 元, this month and last. */
public record LineChart(String heading, String xLabel, String yLabel, List<Series> series) implements Chart {

    public LineChart {
        series = List.copyOf(series);
    }

    @Override
    public String categoryLabel() {
        return xLabel;
    }

    @Override
    public String valueLabel() {
        return yLabel;
    }
}

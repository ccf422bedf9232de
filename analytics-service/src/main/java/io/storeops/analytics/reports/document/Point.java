package io.storeops.analytics.reports.document;

import java.util.Objects;

/** One value of a series: its category (e.g. 11-28, a store's name) and the value. */
public record Point(String x, double y) {

    public Point {
        Objects.requireNonNull(x, "x");
    }
}

package io.storeops.analytics.reports.document;

import java.util.List;
import java.util.Objects;

/** A named line or set of bars, e.g. 本周 this week, with one point per category. */
public record Series(String name, List<Point> points) {

    public Series {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
    }
}

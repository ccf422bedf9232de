package io.storeops.console.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Charts drawn on the server as inline SVG (the content security policy allows no script or style
 * from elsewhere, and the console needs no chart library): the coordinates here, the shapes and
 * their colours (by class, from console.css) in the templates.
 */
final class Charts {

    static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 170;
    private static final int VALUE_WIDTH = 50;
    private static final int BAR = 10;
    private static final int GROUP = 30;
    private static final int LINE_HEIGHT = 220;
    private static final int LINE_LEFT = 10;
    private static final int LINE_BOTTOM = 20;

    private Charts() {}

    /** A shape's place: a bar's box, or where a text starts. */
    record Box(int x, int y, int width, int height) {}

    /** One bar of a series, its length in proportion to the largest value, with its value written after it. */
    record Bar(String series, Box box, String value) {}

    /** A row's bars under its label. */
    record BarGroup(String label, Box labelAt, List<Bar> bars) {}

    record BarChart(int width, int height, List<BarGroup> groups) {}

    /** A series of a bar chart: its name (the CSS class of its bars) and how to read and write its value. */
    record Series<T>(String name, Function<T, BigDecimal> value, Function<BigDecimal, String> text) {}

    /** Horizontal bars, one group per row, a bar per series, all on one scale. */
    @SafeVarargs
    static <T> BarChart bars(List<T> rows, Function<T, String> label, Series<T>... series) {
        BigDecimal largest = BigDecimal.ZERO;
        for (T row : rows) {
            for (Series<T> one : series) {
                BigDecimal value = one.value().apply(row);
                if (value != null && value.compareTo(largest) > 0) {
                    largest = value;
                }
            }
        }
        int room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        List<BarGroup> groups = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            T row = rows.get(i);
            int top = i * GROUP + 4;
            List<Bar> bars = new ArrayList<>();
            for (int s = 0; s < series.length; s++) {
                BigDecimal value = series[s].value().apply(row);
                int length = value == null || largest.signum() == 0 || value.signum() <= 0
                        ? 0
                        : value.multiply(BigDecimal.valueOf(room))
                                .divide(largest, 0, RoundingMode.HALF_UP)
                                .intValue();
                bars.add(new Bar(
                        series[s].name(),
                        new Box(LABEL_WIDTH, top + s * (BAR + 1), length, BAR),
                        series[s].text().apply(value)));
            }
            groups.add(new BarGroup(label.apply(row), new Box(0, top + BAR + 2, LABEL_WIDTH - 8, 0), bars));
        }
        return new BarChart(WIDTH, Math.max(rows.size() * GROUP + 8, GROUP), groups);
    }

    /** A label on a line chart's axis. */
    record AxisLabel(Box at, String text, String anchor) {}

    /** Lines over days: the points of each polyline (the actual one may end before the last day), and the axis labels. */
    record LineChart(int width, int height, String target, String actual, List<AxisLabel> labels) {}

    /**
     * Two lines over the same days on one scale, e.g. the running total against the target line;
     * {@code actual} is null for the days still to come. {@code first}, {@code last} and {@code top}
     * label the axes.
     */
    static LineChart lines(List<Long> target, List<Long> actual, String first, String last, String top) {
        long largest = 1;
        for (int i = 0; i < target.size(); i++) {
            largest = Math.max(largest, target.get(i));
            if (actual.get(i) != null) {
                largest = Math.max(largest, actual.get(i));
            }
        }
        StringBuilder targetPoints = new StringBuilder();
        StringBuilder actualPoints = new StringBuilder();
        int plotWidth = WIDTH - 2 * LINE_LEFT;
        int plotHeight = LINE_HEIGHT - LINE_BOTTOM - 16;
        int steps = Math.max(target.size() - 1, 1);
        for (int i = 0; i < target.size(); i++) {
            long x = LINE_LEFT + Math.round((double) i * plotWidth / steps);
            targetPoints.append(point(x, target.get(i), largest, plotHeight));
            if (actual.get(i) != null) {
                actualPoints.append(point(x, actual.get(i), largest, plotHeight));
            }
        }
        List<AxisLabel> labels = List.of(
                new AxisLabel(new Box(LINE_LEFT, LINE_HEIGHT - 4, 0, 0), first, "start"),
                new AxisLabel(new Box(WIDTH - LINE_LEFT, LINE_HEIGHT - 4, 0, 0), last, "end"),
                new AxisLabel(new Box(LINE_LEFT, 12, 0, 0), top, "start"));
        return new LineChart(
                WIDTH,
                LINE_HEIGHT,
                targetPoints.toString().strip(),
                actualPoints.toString().strip(),
                labels);
    }

    private static String point(long x, long value, long largest, int plotHeight) {
        long y = 16 + plotHeight - Math.round((double) value * plotHeight / largest);
        return x + "," + y + " ";
    }
}

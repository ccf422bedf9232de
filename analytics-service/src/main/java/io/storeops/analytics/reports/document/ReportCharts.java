package io.storeops.analytics.reports.document;

import io.storeops.platform.documents.ChineseFont;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A report's charts drawn with JFreeChart in the report font ({@link ChineseFont}: titles, axis
 * labels, tick labels and legends), white background, one colour per series (a palette of ten that
 * stays apart in print). Headless: nothing here needs a display, and loading the class sets {@code
 * java.awt.headless} to true unless it was set (as Spring Boot does).
 */
public final class ReportCharts {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Tableau 10: distinct in colour and in grey, and for most colour-blind readers. */
    static final List<Color> PALETTE = List.of(
            new Color(0x4E79A7),
            new Color(0xF28E2B),
            new Color(0xE15759),
            new Color(0x76B7B2),
            new Color(0x59A14F),
            new Color(0xEDC948),
            new Color(0xB07AA1),
            new Color(0xFF9DA7),
            new Color(0x9C755F),
            new Color(0xBAB0AC));

    private static final Color INK = new Color(0x1F2933);
    private static final Color MUTED = new Color(0x52606D);
    private static final Color GRID = new Color(0xDDE2E8);
    private static final float TICK_SIZE = 9;
    private static final FontRenderContext MEASURING = new FontRenderContext(null, true, true);

    private ReportCharts() {}

    /** {@code chart} with its heading as the title, as a PNG image of {@code width} × {@code height} pixels. */
    public static byte[] png(Chart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(chart, width, height, 1, true), "png", out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /**
     * {@code chart} laid out on {@code width} × {@code height} units and drawn {@code scale} pixels
     * a unit (2 for a sharp print of a chart laid out in points); its heading as the title or not.
     */
    static BufferedImage image(Chart chart, int width, int height, int scale, boolean titled) {
        if (width <= 0 || height <= 0 || scale <= 0) {
            throw new IllegalArgumentException("a chart needs a positive size, not " + width + " × " + height);
        }
        JFreeChart drawn = chart(chart, width, titled);
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            graphics.scale(scale, scale);
            drawn.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static JFreeChart chart(Chart chart, int width, boolean titled) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Series series : chart.series()) {
            for (Point point : series.points()) {
                dataset.addValue(point.y(), ChineseFont.printable(series.name()), ChineseFont.printable(point.x()));
            }
        }
        CategoryItemRenderer renderer = chart instanceof LineChart line ? lines(line) : bars();
        NumberAxis values = new NumberAxis(label(chart.valueLabel()));
        values.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        values.setAutoRangeIncludesZero(chart instanceof BarChart);
        // a series of one value (a quiet week of zeros) still gets an axis of whole steps, not 0, -0, 0
        values.setAutoRangeMinimumSize(1);
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (chart.valueLabel() != null && chart.valueLabel().length() <= 3) {
            values.setLabelAngle(Math.PI / 2); // a unit such as 元 reads upright
        }
        CategoryPlot plot = new CategoryPlot(
                dataset, new SparseCategoryAxis(label(chart.categoryLabel()), dataset, width), values, renderer);
        JFreeChart drawn = new JFreeChart(
                titled ? label(chart.heading()) : null,
                JFreeChart.DEFAULT_TITLE_FONT,
                plot,
                chart.series().size() > 1);
        theme().apply(drawn);
        for (int series = 0; series < dataset.getRowCount(); series++) {
            renderer.setSeriesPaint(series, PALETTE.get(series % PALETTE.size()));
        }
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        plot.setNoDataMessage("无数据 No data");
        plot.setNoDataMessageFont(ChineseFont.awt(Font.PLAIN, 11));
        plot.setNoDataMessagePaint(MUTED);
        LegendTitle legend = drawn.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
        }
        return drawn;
    }

    private static LineAndShapeRenderer lines(LineChart chart) {
        int points = chart.series().stream()
                .mapToInt(series -> series.points().size())
                .max()
                .orElse(0);
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, points <= 31);
        renderer.setDefaultStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setAutoPopulateSeriesStroke(false);
        return renderer;
    }

    private static BarRenderer bars() {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);
        return renderer;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("StoreOps report");
        theme.setExtraLargeFont(ChineseFont.awt(Font.BOLD, 14));
        theme.setLargeFont(ChineseFont.awt(Font.PLAIN, 11));
        theme.setRegularFont(ChineseFont.awt(Font.PLAIN, TICK_SIZE));
        theme.setSmallFont(ChineseFont.awt(Font.PLAIN, 8));
        theme.setTitlePaint(INK);
        theme.setAxisLabelPaint(MUTED);
        theme.setTickLabelPaint(MUTED);
        theme.setLegendItemPaint(INK);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(GRID);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    private static String label(String text) {
        return text == null ? null : ChineseFont.printable(text);
    }

    /**
     * Category ticks that stay readable with many categories (90 days of a quarter): level while
     * they fit side by side, slanted when not, and then only every n-th labelled.
     */
    private static final class SparseCategoryAxis extends CategoryAxis {

        private final Map<Comparable<?>, Integer> positions = new HashMap<>();
        private final int every;

        SparseCategoryAxis(String label, DefaultCategoryDataset dataset, int chartWidth) {
            super(label);
            Font tickFont = ChineseFont.awt(Font.PLAIN, TICK_SIZE);
            List<?> categories = dataset.getColumnKeys();
            double widest = 0;
            for (Object category : categories) {
                positions.put((Comparable<?>) category, positions.size());
                widest = Math.max(
                        widest,
                        tickFont.getStringBounds(category.toString(), MEASURING).getWidth());
            }
            double room = chartWidth * 0.85;
            int count = Math.max(1, categories.size());
            if (count * (widest + 6) <= room) {
                every = 1;
            } else {
                setCategoryLabelPositions(CategoryLabelPositions.UP_45);
                every = (int) Math.max(1, Math.ceil(count * TICK_SIZE * 1.8 / room));
            }
            setMaximumCategoryLabelWidthRatio(every == 1 ? 1f : 2.5f);
            setCategoryMargin(0.15);
            setLowerMargin(0.02);
            setUpperMargin(0.02);
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            Integer position = positions.get(category);
            if (position != null && position % every != 0) {
                return new TextBlock();
            }
            return super.createLabel(category, width, edge, g2);
        }
    }
}

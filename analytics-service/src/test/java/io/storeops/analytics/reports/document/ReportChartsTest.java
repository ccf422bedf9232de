package io.storeops.analytics.reports.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Charts drawn headless as images: the asked size, something drawn, one colour per series. */
class ReportChartsTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);

    static LineChart dailyGmv(int days) {
        return new LineChart(
                "每日成交金额 Daily GMV",
                "日期",
                "元",
                List.of(
                        series("本月 This month", days, day -> 8_000 + 1_500 * Math.sin(day / 3.0) + day * 120),
                        series("上月 Last month", days, day -> 7_000 + 900 * Math.cos(day / 4.0) + day * 80)));
    }

    static BarChart gmvByStore() {
        List<String> stores = List.of("天猫旗舰店", "京东自营店", "拼多多专营店", "抖音小店", "Shopify EU");
        return new BarChart(
                "各店铺成交金额 GMV by store",
                "店铺",
                "元",
                List.of(
                        new Series(
                                "本周 This week",
                                IntStream.range(0, stores.size())
                                        .mapToObj(index -> new Point(stores.get(index), 40_000 - index * 6_000))
                                        .toList()),
                        new Series(
                                "上周 Last week",
                                IntStream.range(0, stores.size())
                                        .mapToObj(index -> new Point(stores.get(index), 35_000 - index * 4_000))
                                        .toList())));
    }

    @Test
    void aLineChartOfTwoSeriesWithChineseLabelsIsDrawnAtTheAskedSize() throws IOException {
        BufferedImage image = decode(ReportCharts.png(dailyGmv(30), 800, 400));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        assertThat(inkShare(image))
                .as("axes, labels and lines on a white ground")
                .isBetween(0.02, 0.6);
        assertThat(colours(image))
                .as("anti-aliased text and two coloured lines")
                .hasSizeGreaterThan(50);
        assertThat(seriesPixels(image, 0)).as("first series' colour").isGreaterThan(300);
        assertThat(seriesPixels(image, 1)).as("second series' colour").isGreaterThan(300);
        assertThat(ReportCharts.PALETTE.get(0)).isNotEqualTo(ReportCharts.PALETTE.get(1));
    }

    @Test
    void aBarChartFillsItsBarsInOneColourPerSeries() throws IOException {
        BufferedImage image = decode(ReportCharts.png(gmvByStore(), 640, 360));

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(inkShare(image)).isBetween(0.05, 0.7);
        assertThat(seriesPixels(image, 0)).isGreaterThan(2_000);
        assertThat(seriesPixels(image, 1)).isGreaterThan(2_000);
        assertThat(seriesPixels(image, 2)).as("only two series").isZero();
    }

    @Test
    void aQuarterOfDailyPointsStillDrawsAndAnEmptyChartSaysSo() throws IOException {
        assertThat(inkShare(decode(ReportCharts.png(dailyGmv(92), 600, 300)))).isBetween(0.02, 0.6);
        BufferedImage empty = decode(ReportCharts.png(new BarChart("无数据", null, null, List.of()), 300, 200));
        assertThat(inkShare(empty)).as("the title and the no-data message").isGreaterThan(0.001);
    }

    private static Series series(String name, int days, IntToDoubleFunction value) {
        List<Point> points = new ArrayList<>();
        for (int day = 1; day <= days; day++) {
            points.add(new Point(FIRST_DAY.plusDays(day - 1).toString().substring(5), value.applyAsDouble(day)));
        }
        return new Series(name, points);
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG ImageIO reads").isNotNull();
        return image;
    }

    /** Share of pixels that are not the white ground. */
    static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / (double) (image.getWidth() * image.getHeight());
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }

    /** Pixels in (about) the palette colour of series {@code index}. */
    private static long seriesPixels(BufferedImage image, int index) {
        int wanted = ReportCharts.PALETTE.get(index).getRGB() & 0xFFFFFF;
        Map<Integer, Long> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1L, Long::sum);
            }
        }
        return counts.entrySet().stream()
                .filter(entry -> close(entry.getKey(), wanted))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static boolean close(int rgb, int wanted) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xFF) - ((wanted >> shift) & 0xFF)) > 12) {
                return false;
            }
        }
        return true;
    }
}

package io.storeops.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.console.Formats;
import io.storeops.console.analytics.AnalyticsModel.Figures;
import io.storeops.console.analytics.Charts.Series;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a manager types as a target reaches the service in minor units exactly; rates and charts read right. */
class AmountsAndChartsTest {

    private final Formats formats = new Formats();

    @Test
    void yuanAndDollarsAsTypedBecomeMinorUnitsExactly() {
        assertThat(Formats.minorUnits("900,000.00", "CNY")).contains(90_000_000L);
        assertThat(Formats.minorUnits("¥900000", "CNY")).contains(90_000_000L);
        assertThat(Formats.minorUnits(" 1 280.5 元", "CNY")).contains(128_050L);
        assertThat(Formats.minorUnits("CN¥0.01", "CNY")).contains(1L);
        assertThat(Formats.minorUnits("$44.48", "USD")).contains(4_448L);
        assertThat(Formats.minorUnits("1500", "JPY")).contains(1_500L);
        assertThat(Formats.minorUnits("99999999.99", "CNY")).contains(9_999_999_999L);
        assertThat(Formats.minorUnits("  ", "CNY")).isEqualTo(Optional.empty());
        for (String wrong : List.of("12.345", "-5", "1e3", "abc", "1.2.3", "15.5", "")) {
            if (wrong.isEmpty()) {
                continue;
            }
            assertThatThrownBy(() -> Formats.minorUnits(wrong, wrong.equals("15.5") ? "JPY" : "CNY"))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void ratesReadAsPercentagesAndRatiosWithADashForNothing() {
        assertThat(formats.percent(new BigDecimal("0.0549"), Locale.ENGLISH)).isEqualTo("5.49%");
        assertThat(formats.percent(new BigDecimal("0.0549"), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("5.49%");
        assertThat(formats.percent(null, Locale.ENGLISH)).isEqualTo("—");
        assertThat(formats.change(new BigDecimal("0.1250"), Locale.ENGLISH)).isEqualTo("+12.50%");
        assertThat(formats.change(new BigDecimal("-0.0300"), Locale.ENGLISH)).isEqualTo("-3.00%");
        assertThat(formats.ratio(new BigDecimal("3.7"), Locale.ENGLISH)).isEqualTo("3.70");
        assertThat(formats.ratio(null, Locale.ENGLISH)).isEqualTo("—");
        assertThat(formats.money((Long) null, "CNY", Locale.ENGLISH)).isEqualTo("—");
        assertThat(formats.count(16075, Locale.ENGLISH)).isEqualTo("16,075");
    }

    @Test
    void theTargetFormBecomesTheServicesBodyWithTheQuartersMonths() {
        var quarter = Pattern.compile("(\\d{4})-Q([1-4])").matcher("2026-Q4");
        assertThat(quarter.matches()).isTrue();
        var body = TargetPages.body(
                new TargetPages.TargetForm(
                        "2026-Q4", "300,000", "BY_HAND", List.of("100000.01", "99,999.99", "100000"), " li "),
                quarter,
                "CNY");
        assertThat(body)
                .containsEntry("amountMinor", 30_000_000L)
                .containsEntry("breakdown", "BY_HAND")
                .containsEntry("owner", "li");
        assertThat(body.get("months").toString()).isEqualTo("{2026-10=10000001, 2026-11=9999999, 2026-12=10000000}");
        assertThat(TargetPages.quarterOf(java.time.LocalDate.parse("2026-11-30")))
                .isEqualTo("2026-Q4");
    }

    @Test
    void barsAreInProportionToTheLargestValueAndLinesFollowTheDays() {
        Figures high = figures("龙井茶", "4.00", "2.00");
        Figures none = figures("绿茶", null, null);
        Charts.BarChart chart = Charts.bars(
                List.of(high, none),
                Figures::label,
                new Series<Figures>("roi", Figures::roi, String::valueOf),
                new Series<Figures>("roi-net", Figures::roiNetOfRefunds, String::valueOf));
        var first = chart.groups().get(0).bars();
        assertThat(first.get(1).box().width() * 2).isEqualTo(first.get(0).box().width());
        assertThat(chart.groups().get(1).bars().get(0).box().width()).isZero();

        Charts.LineChart lines = Charts.lines(
                List.of(100L, 200L, 300L), Arrays.asList(150L, null, null), "2026-10-01", "2026-10-03", "¥3.00");
        assertThat(lines.target().split(" ")).hasSize(3);
        assertThat(lines.actual().split(" ")).hasSize(1);
    }

    private static Figures figures(String label, String roi, String roiNet) {
        return new Figures(
                label,
                label,
                null,
                0,
                0,
                null,
                0,
                null,
                0,
                0,
                null,
                null,
                0,
                0,
                0,
                0,
                null,
                roi == null ? null : new BigDecimal(roi),
                roiNet == null ? null : new BigDecimal(roiNet));
    }
}

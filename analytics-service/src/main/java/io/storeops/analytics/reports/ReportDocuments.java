package io.storeops.analytics.reports;

import io.storeops.analytics.operations.OperationsFigures;
import io.storeops.analytics.promotion.PromotionFigures;
import io.storeops.analytics.promotion.PromotionTable;
import io.storeops.analytics.reports.document.BarChart;
import io.storeops.analytics.reports.document.LineChart;
import io.storeops.analytics.reports.document.Point;
import io.storeops.analytics.reports.document.ReportDocument;
import io.storeops.analytics.reports.document.Section;
import io.storeops.analytics.reports.document.Series;
import io.storeops.analytics.reports.document.Table;
import io.storeops.analytics.reports.document.Tile;
import io.storeops.analytics.reports.document.Tiles;
import io.storeops.analytics.targets.TargetProgress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The reports as people read them on paper: figures formatted in the store's currency, changes and
 * rates as percentages, headings in Chinese with English beside them, as the department's printed
 * reports have them.
 */
public final class ReportDocuments {

    private ReportDocuments() {}

    public static ReportDocument of(PeriodReport report) {
        OperationsFigures now = report.figures();
        Money money = new Money(now.currency());
        List<Section> sections = new ArrayList<>();
        sections.add(new Tiles(
                "经营概况 Overview",
                List.of(
                        new Tile(
                                "支付订单 Orders",
                                count(now.paidOrders()),
                                change(report.changes().paidOrders()),
                                null),
                        new Tile(
                                "成交金额 GMV",
                                money.of(now.gmvMinor()),
                                change(report.changes().gmv()),
                                target(report.target())),
                        new Tile(
                                "客单价 AOV",
                                now.aovMinor() == null ? "—" : money.of(now.aovMinor()),
                                change(report.changes().aov()),
                                null),
                        new Tile("取消 Cancelled", count(now.cancelled()), null, null),
                        new Tile(
                                "发货包裹 Dispatched",
                                count(now.parcelsDispatched()),
                                change(report.changes().parcelsDispatched()),
                                null),
                        new Tile("超时发货 Late", count(now.dispatchedLate()), null, "晚于批次当日 after the batch's day"),
                        new Tile(
                                "异常包裹 In trouble",
                                count(now.parcelsInTrouble()),
                                null,
                                count(now.troublesReported()) + " 新报 reported"),
                        new Tile(
                                "退款 Refunds",
                                money.of(now.refundedMinor()),
                                change(report.changes().refunded()),
                                "退款率 rate " + percent(now.refundRate())),
                        new Tile(
                                "推广花费 Ad spend",
                                money.of(now.adSpendMinor()),
                                change(report.changes().adSpend()),
                                null),
                        new Tile(
                                "投入产出比 ROI", decimal(now.roi()), null, "扣除退款 net " + decimal(now.roiNetOfRefunds())))));
        sections.add(new LineChart(
                "每日成交 Daily GMV",
                "日期 Day",
                "成交金额 GMV (" + now.currency() + ")",
                List.of(new Series(
                        "成交金额 GMV",
                        report.days().stream()
                                .map(day -> new Point(day.day().toString().substring(5), money.major(day.gmvMinor())))
                                .toList()))));
        sections.add(new BarChart(
                "每日订单 Daily orders",
                "日期 Day",
                "订单 Orders",
                List.of(new Series(
                        "支付订单 Orders",
                        report.days().stream()
                                .map(day -> new Point(day.day().toString().substring(5), day.paidOrders()))
                                .toList()))));
        sections.add(new Table(
                "与上期比较 Against the period before",
                List.of("指标 Figure", "本期 This period", "上期 Before", "变化 Change"),
                List.of(
                        List.of(
                                "支付订单 Orders",
                                count(now.paidOrders()),
                                count(report.previous().paidOrders()),
                                changeCell(report.changes().paidOrders())),
                        List.of(
                                "成交金额 GMV",
                                money.of(now.gmvMinor()),
                                money.of(report.previous().gmvMinor()),
                                changeCell(report.changes().gmv())),
                        List.of(
                                "发货包裹 Dispatched",
                                count(now.parcelsDispatched()),
                                count(report.previous().parcelsDispatched()),
                                changeCell(report.changes().parcelsDispatched())),
                        List.of(
                                "退款次数 Refunds",
                                count(now.refunds()),
                                count(report.previous().refunds()),
                                changeCell(report.changes().refunds())),
                        List.of(
                                "推广花费 Ad spend",
                                money.of(now.adSpendMinor()),
                                money.of(report.previous().adSpendMinor()),
                                changeCell(report.changes().adSpend())))));
        if (!report.topKeywords().isEmpty()) {
            sections.add(promotionTable("花费最多的关键词 Keywords that spent most", report.topKeywords(), money));
        }
        return new ReportDocument(
                title(report.kind()) + " · " + report.storeName(),
                report.period() + " (" + now.from() + " – " + now.to() + ")",
                sections);
    }

    public static ReportDocument of(CampaignReport report, String storeName, String currency) {
        Money money = new Money(currency);
        List<Section> sections = new ArrayList<>();
        sections.add(new Table(
                "活动前后 Before, during, after",
                List.of(
                        "阶段 Phase",
                        "日期 Days",
                        "花费 Spend",
                        "点击 Clicks",
                        "成交 Orders",
                        "成交金额 GMV",
                        "退款 Refunded",
                        "ROI",
                        "扣除退款 ROI net"),
                report.windows().stream()
                        .map(window -> List.of(
                                phase(window.phase()),
                                window.from() + " – " + window.to(),
                                money.of(window.campaign().spendMinor()),
                                count(window.campaign().clicks()),
                                count(window.campaign().attributed().orders()),
                                money.of(window.campaign().attributed().gmvMinor()),
                                money.of(window.campaign().attributed().refundedMinor()),
                                decimal(window.campaign().roi()),
                                decimal(window.campaign().roiNetOfRefunds())))
                        .toList()));
        sections.add(new BarChart(
                "活动商品销售 The campaign's items, all sales",
                "阶段 Phase",
                "成交金额 GMV (" + currency + ")",
                report.windows().isEmpty()
                        ? List.of()
                        // every window lists the campaign's items in the same order
                        : IntStream.range(0, report.items().size())
                                .mapToObj(item -> new Series(
                                        itemName(report, item),
                                        report.windows().stream()
                                                .map(window -> new Point(
                                                        phase(window.phase()),
                                                        money.major(window.itemSales()
                                                                .get(item)
                                                                .gmvMinor())))
                                                .toList()))
                                .toList()));
        report.windows().forEach(window -> {
            if (!window.keywords().isEmpty()) {
                sections.add(promotionTable(phase(window.phase()) + " 关键词 Keywords", window.keywords(), money));
            }
        });
        return new ReportDocument("活动效果分析 Campaign effect · " + storeName, report.campaign(), sections);
    }

    /** The item as an order spelt its SKU, else as the report keys it. */
    private static String itemName(CampaignReport report, int item) {
        return report.windows().stream()
                .map(window -> window.itemSales().get(item))
                .filter(sold -> sold.orders() > 0)
                .map(ItemSales::sku)
                .findFirst()
                .orElse(report.items().get(item));
    }

    private static Table promotionTable(String heading, List<PromotionTable.Row> rows, Money money) {
        return new Table(
                heading,
                List.of(
                        "关键词 Keyword",
                        "花费 Spend",
                        "点击 Clicks",
                        "点击率 CTR",
                        "成交 Orders",
                        "成交金额 GMV",
                        "退款 Refunded",
                        "ROI",
                        "扣除退款 ROI net"),
                rows.stream()
                        .map(row -> {
                            PromotionFigures figures = row.figures();
                            return List.of(
                                    row.label() == null ? "—" : row.label(),
                                    money.of(figures.spendMinor()),
                                    count(figures.clicks()),
                                    percent(figures.ctr()),
                                    count(figures.attributed().orders()),
                                    money.of(figures.attributed().gmvMinor()),
                                    money.of(figures.attributed().refundedMinor()),
                                    decimal(figures.roi()),
                                    decimal(figures.roiNetOfRefunds()));
                        })
                        .toList());
    }

    private static String title(ReportPeriod.Kind kind) {
        return switch (kind) {
            case DAILY -> "每日营运 Daily operations";
            case WEEKLY -> "每周运营报表 Weekly report";
            case MONTHLY -> "月度报表 Monthly report";
            case QUARTERLY -> "季度报表 Quarterly report";
        };
    }

    private static String phase(CampaignReport.Phase phase) {
        return switch (phase) {
            case BEFORE -> "活动前 Before";
            case DURING -> "活动中 During";
            case AFTER -> "活动后 After";
        };
    }

    private static String target(TargetProgress target) {
        return target == null ? null : "季度目标 target " + percent(target.shareAchieved());
    }

    private static String count(long count) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(count);
    }

    /** A change as a signed percentage; null (nothing to compare with) when there is none. */
    private static String change(BigDecimal change) {
        if (change == null) {
            return null;
        }
        String sign = change.signum() > 0 ? "+" : "";
        return sign + change.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static String changeCell(BigDecimal change) {
        String written = change(change);
        return written == null ? "—" : written;
    }

    private static String percent(BigDecimal share) {
        return share == null
                ? "—"
                : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    /** Minor units written in the currency's major units, with its symbol. */
    private record Money(String currency) {

        String of(long minor) {
            int places = places();
            return symbol() + String.format(Locale.ROOT, "%,." + places + "f", BigDecimal.valueOf(minor, places));
        }

        double major(long minor) {
            return BigDecimal.valueOf(minor, places()).doubleValue();
        }

        private int places() {
            return currency == null
                    ? 2
                    : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        }

        private String symbol() {
            return switch (currency == null ? "" : currency) {
                case "CNY" -> "¥";
                case "USD" -> "$";
                case "EUR" -> "€";
                default -> currency == null ? "" : currency + " ";
            };
        }
    }
}

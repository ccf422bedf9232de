package io.storeops.analytics.pages.web;

import io.storeops.analytics.pages.PageVersionFigures;
import io.storeops.analytics.pages.PageVersionReport;
import io.storeops.platform.sheets.SheetTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** A product's page versions as a spreadsheet: one line per version, for the department's optimisation meeting. */
final class PageVersionSheets {

    private PageVersionSheets() {}

    static SheetTable versions(PageVersionReport report) {
        int decimals = report.currency() == null
                ? 2
                : Math.max(0, Currency.getInstance(report.currency()).getDefaultFractionDigits());
        List<List<Object>> lines = new ArrayList<>();
        report.versions().forEach(version -> lines.add(line(version, decimals)));
        return new SheetTable(
                "Page versions",
                List.of(
                        "页面版本 Page version",
                        "详情页版本 Detail page",
                        "改动 Changed",
                        "标题 Title",
                        "宝贝ID Item id",
                        "状态 Status",
                        "开始 From",
                        "结束 To",
                        "天数 Days",
                        "成交笔数 Orders",
                        "件数 Units",
                        "成交金额 GMV",
                        "退款金额 Refunded",
                        "净成交金额 Net",
                        "访客数 Visitors",
                        "浏览量 Page views",
                        "转化率 Conversion",
                        "展现量 Impressions",
                        "点击量 Clicks",
                        "花费 Spend",
                        "投入产出比 ROI",
                        "扣除退款投入产出比 ROI net of refunds",
                        "日均成交笔数 Orders per day",
                        "日均成交金额 GMV per day",
                        "日均访客数 Visitors per day",
                        "日均花费 Spend per day",
                        "对比版本 Compared with",
                        "日均成交笔数变化 Orders per day change",
                        "日均成交金额变化 GMV per day change",
                        "日均访客数变化 Visitors per day change",
                        "转化率变化 Conversion change",
                        "投入产出比变化 ROI change"),
                lines);
    }

    private static List<Object> line(PageVersionFigures.VersionFigures version, int decimals) {
        PageVersionFigures.Figures figures = version.figures();
        PageVersionFigures.PerDay perDay = version.perDay();
        PageVersionFigures.Change change = version.change();
        List<Object> cells = new ArrayList<>();
        cells.add(version.pageVersion());
        cells.add(version.detailPageVersion());
        cells.add(String.join(", ", version.changed()));
        cells.add(version.title());
        cells.add(version.storefrontProductId());
        cells.add(version.status().name());
        cells.add(version.from() == null ? null : version.from().toString());
        cells.add(version.to() == null ? null : version.to().toString());
        cells.add(version.days());
        cells.add(figures.orders());
        cells.add(figures.units());
        cells.add(money(figures.gmvMinor(), decimals));
        cells.add(money(figures.refundedMinor(), decimals));
        cells.add(money(figures.netMinor(), decimals));
        cells.add(figures.visitors());
        cells.add(figures.pageViews());
        cells.add(figures.conversion());
        cells.add(figures.impressions());
        cells.add(figures.clicks());
        cells.add(money(figures.spendMinor(), decimals));
        cells.add(figures.roi());
        cells.add(figures.roiNetOfRefunds());
        cells.add(perDay == null ? null : perDay.orders());
        cells.add(perDay == null ? null : money(perDay.gmvMinor().longValueExact(), decimals));
        cells.add(perDay == null ? null : perDay.visitors());
        cells.add(perDay == null ? null : money(perDay.spendMinor().longValueExact(), decimals));
        cells.add(version.comparedWith());
        cells.add(change == null ? null : change.ordersPerDay());
        cells.add(change == null ? null : change.gmvPerDay());
        cells.add(change == null ? null : change.visitorsPerDay());
        cells.add(change == null ? null : change.conversion());
        cells.add(change == null ? null : change.roi());
        return cells;
    }

    private static BigDecimal money(long minor, int decimals) {
        return BigDecimal.valueOf(minor, decimals);
    }
}

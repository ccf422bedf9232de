package io.storeops.analytics.promotion.web;

import io.storeops.analytics.promotion.PpcImports;
import io.storeops.platform.sheets.SheetTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The promotion desk's tables as spreadsheets: figures for export, refused rows for mending a report. */
final class PromotionSheets {

    private PromotionSheets() {}

    static SheetTable refusedRows(List<PpcImports.RefusedPpcRow> refused) {
        return new SheetTable(
                "Refused rows",
                List.of("行号 Line", "列 Column", "原因 Reason", "内容 Content"),
                refused.stream()
                        .map(row -> List.<Object>of(
                                row.line(),
                                row.column() == null ? "" : row.column(),
                                row.reason(),
                                row.content() == null ? "" : row.content()))
                        .toList());
    }

    static SheetTable figures(PromotionController.FiguresTable table) {
        int decimals = table.currency() == null
                ? 2
                : Math.max(0, Currency.getInstance(table.currency()).getDefaultFractionDigits());
        List<List<Object>> lines = new ArrayList<>();
        table.rows().forEach(row -> lines.add(line(row, decimals)));
        lines.add(line(table.total(), decimals));
        return new SheetTable(
                "Promotion " + table.by(),
                List.of(
                        "维度 " + table.by(),
                        "说明 Detail",
                        "展现量 Impressions",
                        "点击量 Clicks",
                        "点击率 CTR",
                        "花费 Spend",
                        "平均点击花费 CPC",
                        "报表成交笔数 Reported orders",
                        "报表成交金额 Reported GMV",
                        "报表投入产出比 Reported ROI",
                        "成交笔数 Orders",
                        "成交金额 GMV",
                        "退款金额 Refunded",
                        "净成交金额 Net",
                        "转化率 Conversion",
                        "投入产出比 ROI",
                        "扣除退款投入产出比 ROI net of refunds"),
                lines);
    }

    private static List<Object> line(PromotionController.FiguresRow row, int decimals) {
        List<Object> cells = new ArrayList<>();
        cells.add(row.label());
        cells.add(row.detail());
        cells.add(row.impressions());
        cells.add(row.clicks());
        cells.add(row.ctr());
        cells.add(money(row.spendMinor(), decimals));
        cells.add(row.cpcMinor() == null ? null : money(row.cpcMinor().longValueExact(), decimals));
        cells.add(row.reportedOrders());
        cells.add(money(row.reportedGmvMinor(), decimals));
        cells.add(row.reportedRoi());
        cells.add(row.orders());
        cells.add(money(row.gmvMinor(), decimals));
        cells.add(money(row.refundedMinor(), decimals));
        cells.add(money(row.netMinor(), decimals));
        cells.add(row.conversion());
        cells.add(row.roi());
        cells.add(row.roiNetOfRefunds());
        return cells;
    }

    private static BigDecimal money(long minor, int decimals) {
        return BigDecimal.valueOf(minor, decimals);
    }
}

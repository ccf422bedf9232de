package io.storeops.analytics.promotion.reports;

import static io.storeops.analytics.promotion.reports.Collected.read;
import static io.storeops.analytics.promotion.reports.Collected.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.storeops.platform.sheets.RefusedRow;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taobao/Tmall 直通车 reports as sellers download them: GBK/GB18030 or UTF-8 CSV, and XLSX. */
class ZtcReportsTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    @Test
    void aKeywordReportInGb18030WithTitleLinesAndATotalsLine() throws Exception {
        Path file = resource("ztc-keywords-gb18030.csv");

        Collected report = read(file);

        assertThat(report.source).isEqualTo(ReportSource.TAOBAO_ZTC);
        assertThat(report.grain).isEqualTo(ReportGrain.KEYWORD);
        assertThat(report.rows)
                .containsExactly(
                        new PpcRow(
                                LocalDate.parse("2026-11-01"),
                                null,
                                "双11茶叶冲量",
                                "6501234567",
                                "西湖龙井2026新茶明前特级250g",
                                "龙井茶",
                                null,
                                null,
                                null,
                                1234,
                                56,
                                123450,
                                5,
                                9,
                                3,
                                89400,
                                null),
                        new PpcRow(
                                LocalDate.parse("2026-11-01"),
                                null,
                                "双11茶叶冲量",
                                "6501234567",
                                "西湖龙井2026新茶明前特级250g",
                                "明前龙井",
                                null,
                                null,
                                null,
                                860,
                                31,
                                8820,
                                2,
                                4,
                                1,
                                29800,
                                null),
                        new PpcRow(
                                LocalDate.parse("2026-11-02"),
                                null,
                                "日常推广",
                                "6507654321",
                                "安吉白茶2026新茶礼盒装",
                                "安吉白茶",
                                null,
                                null,
                                null,
                                512,
                                12,
                                3600,
                                1,
                                2,
                                1,
                                16800,
                                null),
                        new PpcRow(
                                LocalDate.parse("2026-11-02"),
                                null,
                                "日常推广",
                                "6507654321",
                                "安吉白茶2026新茶礼盒装",
                                "白茶礼盒",
                                null,
                                null,
                                null,
                                95,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                null));
        assertThat(report.refused)
                .containsExactly(
                        new RefusedRow(
                                8,
                                "花费(元)",
                                "\"12.345\" has more than 2 decimals",
                                "2026-11-03,日常推广,安吉白茶2026新茶礼盒装,6507654321,白茶,300,20,6.67%,12.345,0.62,0,0,0,0,0,0,0,0.00%"),
                        new RefusedRow(
                                9,
                                "点击量",
                                "clicks (12) exceed impressions (10)",
                                "2026-11-03,双11茶叶冲量,西湖龙井2026新茶明前特级250g,6501234567,龙井,10,12,120.00%,5.00,0.42,0,0,0,0,0,0,0,0.00%"));
        assertThat(report.summary)
                .isEqualTo(new ReportSummary(
                        ReportSource.TAOBAO_ZTC,
                        ReportGrain.KEYWORD,
                        3,
                        4,
                        2,
                        1,
                        LocalDate.parse("2026-11-01"),
                        LocalDate.parse("2026-11-02")));
        assertThat(report.progress).last().isEqualTo(Files.size(file));
    }

    @Test
    void aKeywordReportWrittenInGbkWithOtherHeaderNamesAndItsRefusedRows() throws Exception {
        String csv = """
                店铺名称,日期,计划名称,商品ID,商品名称,关键字,展现数,点击数,总花费,成交笔数,成交金额,收藏数,购物车数,ROI,平均点击花费
                茶语旗舰店,2026/11/05,双11茶叶冲量,="6501234567",西湖龙井2026新茶明前特级250g,龙井茶,"2,000",80,160.00,3,894.00,4,7,5.59,2.00
                茶语旗舰店,2026/11/05,双11茶叶冲量,6501234567,"西湖龙井
                礼盒装",明前龙井,500,20,50,1,298,1,1,5.96,2.50
                茶语旗舰店,2026/11/06,双11茶叶冲量,6501234567,西湖龙井,龙井,300,10,-5.00,0,0,0,0,0,-0.50
                茶语旗舰店,2026/11/29,双11茶叶冲量,6501234567,西湖龙井,龙井,300,10,5.00,0,0,0,0,0,0.50
                茶语旗舰店,2026/11/06,双11茶叶冲量,6501234567,西湖龙井,龙井,abc,10,5.00,0,0,0,0,0,0.50
                茶语旗舰店,2026/11/06,双11茶叶冲量,6501234567,西湖龙井,龙井,300,10,5.00,1.5,0,0,0,0,0.50
                茶语旗舰店,2026/11/06,双11茶叶冲量,6501234567,西湖龙井
                茶语旗舰店,2026/13/06,双11茶叶冲量,6501234567,西湖龙井,龙井,300,10,5.00,0,0,0,0,0,0.50
                茶语旗舰店,2026/11/06,双11茶叶冲量,6501234567,西湖龙井,龙井,300,10,5.00,1.00,0,0,0,0,0.50
                """;
        Path file = Collected.write(dir, "keywords.csv", csv.getBytes(GB18030));

        Collected report = read(file);

        assertThat(report.grain).isEqualTo(ReportGrain.KEYWORD);
        assertThat(report.rows).hasSize(3);
        assertThat(report.rows.get(0))
                .isEqualTo(new PpcRow(
                        LocalDate.parse("2026-11-05"),
                        "茶语旗舰店",
                        "双11茶叶冲量",
                        "6501234567",
                        "西湖龙井2026新茶明前特级250g",
                        "龙井茶",
                        null,
                        null,
                        null,
                        2000,
                        80,
                        16000,
                        4,
                        7,
                        3,
                        89400,
                        null));
        assertThat(report.rows.get(1).itemTitle()).isEqualTo("西湖龙井\n礼盒装");
        assertThat(report.rows.get(1).spendMinor()).isEqualTo(5000);
        assertThat(report.rows.get(2).orders()).isEqualTo(1);
        assertThat(report.refused)
                .extracting(RefusedRow::line, RefusedRow::column, RefusedRow::reason)
                .containsExactly(
                        tuple(5L, "总花费", "must not be negative"),
                        tuple(6L, "日期", "the date 2026-11-29 is after today (2026-11-28)"),
                        tuple(7L, "展现数", "\"abc\" is not a number"),
                        tuple(8L, "成交笔数", "\"1.5\" is not a whole number"),
                        tuple(9L, null, "the row has 5 cells where the header has 15"),
                        tuple(10L, "日期", "\"2026/13/06\" is not a date"));
        assertThat(report.refused.get(3).content())
                .isEqualTo("茶语旗舰店,2026/11/06,双11茶叶冲量,6501234567,西湖龙井,龙井,300,10,5.00,1.5,0,0,0,0,0.50");
    }

    @Test
    void aRegionReportInUtf8WithAByteOrderMarkATitleLineAndFullWidthBrackets() throws Exception {
        Path file = resource("ztc-regions-utf8-bom.csv");

        Collected report = read(file);

        assertThat(report.source).isEqualTo(ReportSource.TAOBAO_ZTC);
        assertThat(report.grain).isEqualTo(ReportGrain.REGION);
        assertThat(report.rows)
                .extracting(PpcRow::day, PpcRow::region, PpcRow::city, PpcRow::spendMinor, PpcRow::orders)
                .containsExactly(
                        tuple(LocalDate.parse("2026-11-01"), "浙江", "杭州", 12800L, 4L),
                        tuple(LocalDate.parse("2026-11-01"), "上海", null, 8050L, 1L),
                        tuple(LocalDate.parse("2026-11-02"), "江苏", "南京", 3600L, 0L),
                        tuple(LocalDate.parse("2026-11-02"), "北京", null, 3000L, 1L));
        assertThat(report.rows.get(0))
                .isEqualTo(new PpcRow(
                        LocalDate.parse("2026-11-01"),
                        null,
                        "双11茶叶冲量",
                        null,
                        null,
                        null,
                        "浙江",
                        "杭州",
                        null,
                        2048,
                        64,
                        12800,
                        6,
                        11,
                        4,
                        119200,
                        null));
        assertThat(report.sum(PpcRow::impressions)).isEqualTo(5148);
        assertThat(report.sum(PpcRow::clicks)).isEqualTo(137);
        assertThat(report.sum(PpcRow::spendMinor)).isEqualTo(27450);
        assertThat(report.sum(PpcRow::gmvMinor)).isEqualTo(178800);
        assertThat(report.refused)
                .containsExactly(new RefusedRow(
                        7,
                        "日期",
                        "the date 2026-12-01 is after today (2026-11-28)",
                        "2026-12-01,双11茶叶冲量,浙江,杭州,100,1,1.00,0,0,0,0,1.00%,10.00"));
        assertThat(report.summary.totalsSkipped()).isEqualTo(1);
        assertThat(report.summary.headerLine()).isEqualTo(2);
        assertThat(report.progress).last().isEqualTo(Files.size(file));
    }

    @Test
    void anHourReportAsAnXlsxWorkbookWithExcelDateCellsAndSpendInFen() throws Exception {
        Path file = dir.resolve("hours.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
            CellStyle grouped = workbook.createCellStyle();
            grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            Sheet sheet = workbook.createSheet("分时报表");
            sheet.createRow(0).createCell(0).setCellValue("直通车分时报表");
            Row header = sheet.createRow(1);
            String[] names = {"日期", "推广计划名称", "时段", "展现量", "点击量", "花费(分)", "成交笔数", "成交金额", "点击率"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row r = sheet.createRow(2); // row 3: a date cell, an hour range, numbers
            r.createCell(0).setCellValue(LocalDate.parse("2026-11-10"));
            r.getCell(0).setCellStyle(date);
            r.createCell(1).setCellValue("双11茶叶冲量");
            r.createCell(2).setCellValue("08:00-09:00");
            r.createCell(3).setCellValue(1234);
            r.getCell(3).setCellStyle(grouped);
            r.createCell(4).setCellValue(6);
            r.createCell(5).setCellValue(1234);
            r.createCell(6).setCellValue(1);
            r.createCell(7).setCellValue(298);
            r.createCell(8).setCellValue("0.49%");
            r = sheet.createRow(3); // row 4: "9时", no 成交金额 cell at all
            r.createCell(0).setCellValue(LocalDate.parse("2026-11-10"));
            r.getCell(0).setCellStyle(date);
            r.createCell(1).setCellValue("双11茶叶冲量");
            r.createCell(2).setCellValue("9时");
            r.createCell(3).setCellValue(200);
            r.createCell(4).setCellValue(10);
            r.createCell(5).setCellValue(2050);
            r.createCell(6).setCellValue(0);
            r = sheet.createRow(4); // row 5: a text date, a time cell for the hour
            r.createCell(0).setCellValue("2026-11-11");
            r.createCell(1).setCellValue("双11茶叶冲量");
            r.createCell(2).setCellValue(0.5);
            r.getCell(2).setCellStyle(time);
            r.createCell(3).setCellValue(150);
            r.createCell(4).setCellValue(5.0);
            r.createCell(5).setCellValue(999);
            r = sheet.createRow(5); // row 6: hour 24
            r.createCell(0).setCellValue(LocalDate.parse("2026-11-11"));
            r.getCell(0).setCellStyle(date);
            r.createCell(2).setCellValue(24);
            r.createCell(3).setCellValue(10);
            r = sheet.createRow(6); // row 7: a fraction of a fen
            r.createCell(0).setCellValue(LocalDate.parse("2026-11-11"));
            r.getCell(0).setCellStyle(date);
            r.createCell(2).setCellValue(11);
            r.createCell(3).setCellValue(100);
            r.createCell(5).setCellValue(12.5);
            sheet.createRow(7).createCell(0).setCellValue("合计");
            workbook.write(out);
        }

        Collected report = read(file);

        assertThat(report.grain).isEqualTo(ReportGrain.HOUR);
        assertThat(report.rows)
                .containsExactly(
                        new PpcRow(
                                LocalDate.parse("2026-11-10"),
                                null,
                                "双11茶叶冲量",
                                null,
                                null,
                                null,
                                null,
                                null,
                                8,
                                1234,
                                6,
                                1234,
                                0,
                                0,
                                1,
                                29800,
                                null),
                        new PpcRow(
                                LocalDate.parse("2026-11-10"),
                                null,
                                "双11茶叶冲量",
                                null,
                                null,
                                null,
                                null,
                                null,
                                9,
                                200,
                                10,
                                2050,
                                0,
                                0,
                                0,
                                0,
                                null),
                        new PpcRow(
                                LocalDate.parse("2026-11-11"),
                                null,
                                "双11茶叶冲量",
                                null,
                                null,
                                null,
                                null,
                                null,
                                12,
                                150,
                                5,
                                999,
                                0,
                                0,
                                0,
                                0,
                                null));
        assertThat(report.refused)
                .extracting(RefusedRow::line, RefusedRow::column, RefusedRow::reason)
                .containsExactly(
                        tuple(6L, "时段", "the hour 24 is not within 0..23"),
                        tuple(7L, "花费(分)", "\"12.5\" is not a whole number of minor units (分)"));
        assertThat(report.summary.totalsSkipped()).isEqualTo(1);
        assertThat(report.summary.headerLine()).isEqualTo(2);
        assertThat(report.progress).last().isEqualTo(Files.size(file));
    }

    @Test
    void theHeaderIsTheFirstRowWithADateAndAMetricColumnNotATitleLineThatNamesColumns() throws Exception {
        String csv = """
                直通车报表,,,,
                账户,茶语旗舰店,时间,2026-11-01 ~ 2026-11-07,
                ,,,,
                时间,账户名称,计划名,展现量,花费
                2026-11-01 00:00:00,茶语旗舰店,双11茶叶冲量,10,1.5
                """;
        Collected report = read(Collected.write(dir, "preamble.csv", csv.getBytes(GB18030)));

        assertThat(report.summary.headerLine()).isEqualTo(4);
        assertThat(report.grain).isEqualTo(ReportGrain.CAMPAIGN);
        assertThat(report.rows)
                .singleElement()
                .extracting(PpcRow::day, PpcRow::account, PpcRow::spendMinor)
                .containsExactly(LocalDate.parse("2026-11-01"), "茶语旗舰店", 150L);
    }

    @Test
    void hoursAreReadFromTheirUsualSpellings() throws Exception {
        String csv = """
                日期,小时,展现量,点击量,花费
                2026-11-01,0,10,1,1
                2026-11-01,00,10,1,1
                2026-11-01,8时,10,1,1
                2026-11-01,08:00-09:00,10,1,1
                2026-11-01,8点,10,1,1
                2026-11-01,23,10,1,1
                2026-11-01,晚上,10,1,1
                """;
        Collected report = read(Collected.write(dir, "hours.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.rows).extracting(PpcRow::hour).containsExactly(0, 0, 8, 8, 8, 23);
        assertThat(report.refused)
                .extracting(RefusedRow::line, RefusedRow::column, RefusedRow::reason)
                .containsExactly(tuple(8L, "小时", "\"晚上\" is not an hour of the day"));
    }

    @Test
    void theGrainIsTheFinestDimensionOfTheColumns() throws Exception {
        assertThat(grainOf("日期,账户,展现量")).isEqualTo(ReportGrain.ACCOUNT);
        assertThat(grainOf("日期,推广计划,展现量")).isEqualTo(ReportGrain.CAMPAIGN);
        assertThat(grainOf("日期,推广计划,宝贝ID,展现量")).isEqualTo(ReportGrain.ITEM);
        assertThat(grainOf("日期,推广计划,宝贝名称,关键词,展现量")).isEqualTo(ReportGrain.KEYWORD);
        assertThat(grainOf("日期,推广计划,城市,关键词,展现量")).isEqualTo(ReportGrain.REGION);
        assertThat(grainOf("日期,省份名称,时段,展现量")).isEqualTo(ReportGrain.HOUR);
    }

    private ReportGrain grainOf(String header) throws Exception {
        Collected report = read(Collected.write(dir, "grain.csv", (header + "\n").getBytes(GB18030)));
        assertThat(report.headers).isOne();
        assertThat(report.summary.rowsAccepted()).isZero();
        return report.summary.grain();
    }

    @Test
    void directAndIndirectOrdersAddUpWhenThereIsNoTotal() throws Exception {
        String csv = """
                日期,宝贝名称,展现量,点击量,花费(元),直接成交笔数,间接成交笔数,直接成交金额,间接成交金额,直接购物车数,间接购物车数,总购物车数
                20261101,西湖龙井,100,10,"1,000",2,1,596,298.5,1,1,2
                """;
        Collected report = read(Collected.write(dir, "items.csv", csv.getBytes(GB18030)));

        assertThat(report.grain).isEqualTo(ReportGrain.ITEM);
        assertThat(report.rows).singleElement().satisfies(row -> {
            assertThat(row.spendMinor()).isEqualTo(100000);
            assertThat(row.orders()).isEqualTo(3);
            assertThat(row.gmvMinor()).isEqualTo(89450);
            assertThat(row.carts()).isEqualTo(2);
        });
    }

    @Test
    void theReadmeSamplesAreRead() throws Exception {
        Collected keywords = read(Path.of("../docs/samples/ztc-keywords-2026-11.csv"));
        Collected regions = read(Path.of("../docs/samples/ztc-regions-2026-11.csv"));

        assertThat(keywords.grain).isEqualTo(ReportGrain.KEYWORD);
        assertThat(keywords.refused).isEmpty();
        assertThat(keywords.rows).hasSize(24);
        assertThat(keywords.rows.stream().map(PpcRow::keyword).distinct())
                .hasSize(8)
                .contains("龙井茶", "明前龙井");
        assertThat(keywords.rows).extracting(PpcRow::itemId).containsOnly("6501234567", "6507654321");
        assertThat(keywords.rows).extracting(PpcRow::campaign).containsOnly("龙井茶-双11冲量", "白茶日常推广");
        assertThat(keywords.summary.firstDay()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(keywords.summary.lastDay()).isEqualTo(LocalDate.parse("2026-11-22"));

        assertThat(regions.grain).isEqualTo(ReportGrain.REGION);
        assertThat(regions.refused).isEmpty();
        assertThat(regions.rows).hasSize(24);
        assertThat(regions.rows).extracting(PpcRow::region).containsOnly("浙江", "上海", "江苏", "北京");
        // The two reports describe the same spend, broken down two ways.
        List<ToLongFunction<PpcRow>> totals =
                List.of(PpcRow::impressions, PpcRow::clicks, PpcRow::spendMinor, PpcRow::orders, PpcRow::gmvMinor);
        for (ToLongFunction<PpcRow> total : totals) {
            assertThat(regions.sum(total)).isEqualTo(keywords.sum(total));
        }
        assertThat(keywords.sum(PpcRow::spendMinor)).isEqualTo(464381);
        assertThat(keywords.sum(PpcRow::orders)).isEqualTo(110);
        assertThat(keywords.sum(PpcRow::gmvMinor)).isEqualTo(2836000);
    }
}

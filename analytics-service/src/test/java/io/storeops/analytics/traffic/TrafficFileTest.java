package io.storeops.analytics.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.RefusedRow;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficFileTest {

    static final LocalDate TODAY = LocalDate.parse("2025-06-20");

    @TempDir
    Path folder;

    @Test
    void aShengYiCanMouItemExportInGb18030WithTitleLinesKeepsDaysAndItemsAndRefusesAnUnreadableCount()
            throws Exception {
        TrafficFile.Read read = TrafficFile.read(sample("sycm-items-gb18030.csv"), TODAY);

        assertThat(read.source()).isEqualTo(TrafficSource.SYCM);
        assertThat(read.grain()).isEqualTo(TrafficGrain.ITEM);
        assertThat(read.headerLine()).isEqualTo(4);
        assertThat(read.totalsSkipped()).isEqualTo(1);
        assertThat(read.rows())
                .containsExactly(
                        new TrafficRow(LocalDate.parse("2025-06-01"), "6501234567", "西湖龙井 250g", 1200, 3000),
                        new TrafficRow(LocalDate.parse("2025-06-01"), "6509876543", "明前碧螺春 100g", 300, 450),
                        new TrafficRow(LocalDate.parse("2025-06-02"), "6501234567", "西湖龙井 250g", 800, 2000),
                        new TrafficRow(LocalDate.parse("2025-06-02"), "6509876543", "明前碧螺春 100g", 0, 0));
        assertThat(read.refused()).hasSize(1);
        RefusedRow refused = read.refused().get(0);
        assertThat(refused.line()).isEqualTo(9);
        assertThat(refused.column()).isEqualTo("商品访客数");
        assertThat(refused.reason()).isEqualTo("\"八百\" is not a number");
        assertThat(read.columnsIgnored()).contains("平均停留时长", "支付转化率", "支付金额", "加购人数", "收藏人数");
    }

    @Test
    void aShopifyExportReadsOnlineStoreVisitorsAndIgnoresSessionsAndItsTotalLine() throws Exception {
        TrafficFile.Read read = TrafficFile.read(sample("shopify-sessions.csv"), TODAY);

        assertThat(read.source()).isEqualTo(TrafficSource.SHOPIFY);
        assertThat(read.grain()).isEqualTo(TrafficGrain.STORE);
        assertThat(read.rows())
                .extracting(TrafficRow::day, TrafficRow::visitors, TrafficRow::pageViews)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2025-06-10"), 120L, 600L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2025-06-11"), 80L, 240L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2025-06-12"), 0L, 0L));
        assertThat(read.totalsSkipped()).isEqualTo(1);
        assertThat(read.columnsIgnored()).containsExactly("Bounce rate", "Sessions");
    }

    @Test
    void sessionsAreTheVisitorsOfAShopifyExportWithoutAVisitorsColumn() throws Exception {
        Path file = text("Day,Sessions,Page views\n\"Jun 10, 2025\",150,600\n");

        assertThat(TrafficFile.read(file, TODAY).rows())
                .containsExactly(new TrafficRow(LocalDate.parse("2025-06-10"), null, null, 150, 600));
    }

    @Test
    void anXlsxShopExportWithDateCellsAndATitleRowIsRead() throws Exception {
        Path file = folder.resolve("traffic.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("店铺");
            sheet.createRow(0).createCell(0).setCellValue("【生意参谋平台】店铺_整体_2025-06-01_2025-06-02");
            Row header = sheet.createRow(2);
            String[] headers = {"统计日期", "访客数", "浏览量", "跳失率", "支付买家数"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int day = 1; day <= 2; day++) {
                Row row = sheet.createRow(2 + day);
                var date = row.createCell(0);
                date.setCellValue(LocalDate.of(2025, 6, day));
                date.setCellStyle(dateStyle);
                row.createCell(1).setCellValue(1000 * day);
                row.createCell(2).setCellValue(2500 * day);
                row.createCell(3).setCellValue(0.45);
            }
            workbook.write(out);
        }

        TrafficFile.Read read = TrafficFile.read(file, TODAY);

        assertThat(read.grain()).isEqualTo(TrafficGrain.STORE);
        assertThat(read.headerLine()).isEqualTo(3);
        assertThat(read.rows())
                .containsExactly(
                        new TrafficRow(LocalDate.parse("2025-06-01"), null, null, 1000, 2500),
                        new TrafficRow(LocalDate.parse("2025-06-02"), null, null, 2000, 5000));
    }

    @Test
    void aDayTwiceAFutureDayAndANegativeCountAreRefusedRowsNamingLineAndColumn() throws Exception {
        Path file = text("统计日期,访客数,浏览量\n2025-06-01,10,20\n2025-06-01,11,21\n2025-07-01,1,1\n2025-06-02,-3,5\n");

        TrafficFile.Read read = TrafficFile.read(file, TODAY);

        assertThat(read.rows()).hasSize(1);
        assertThat(read.refused())
                .extracting(RefusedRow::line, RefusedRow::column, RefusedRow::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, null, "the same day as line 2: a day is counted once"),
                        org.assertj.core.groups.Tuple.tuple(
                                4L, "统计日期", "the date 2025-07-01 is after today (2025-06-20)"),
                        org.assertj.core.groups.Tuple.tuple(5L, "访客数", "must not be negative"));
    }

    @Test
    void aFileWithoutADateColumnOrWithTheVisitorsTwiceOrEmptyIsRefusedAsAWhole() throws Exception {
        assertThatThrownBy(() -> TrafficFile.read(text("商品名称,访客数,浏览量\n龙井,1,2\n"), TODAY))
                .isInstanceOfSatisfying(
                        FileRefused.class,
                        refused -> assertThat(refused.kind()).isEqualTo(FileRefused.Kind.NO_DATE_COLUMN));
        assertThatThrownBy(() -> TrafficFile.read(text("日期,访客数,UV,浏览量\n2025-06-01,1,1,2\n"), TODAY))
                .isInstanceOfSatisfying(FileRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(FileRefused.Kind.DUPLICATE_COLUMN);
                    assertThat(refused.column()).isEqualTo("UV");
                });
        assertThatThrownBy(() -> TrafficFile.read(text(""), TODAY))
                .isInstanceOfSatisfying(
                        FileRefused.class, refused -> assertThat(refused.kind()).isEqualTo(FileRefused.Kind.EMPTY));
        assertThatThrownBy(() -> TrafficFile.read(text("just,some\nwords,here\n"), TODAY))
                .isInstanceOfSatisfying(
                        FileRefused.class, refused -> assertThat(refused.kind()).isEqualTo(FileRefused.Kind.NO_HEADER));
    }

    private Path text(String content) throws Exception {
        Path file = Files.createTempFile(folder, "traffic", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(TrafficFileTest.class.getResource("/traffic/" + name).toURI());
    }
}

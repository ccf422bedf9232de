package io.storeops.platform.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Two tables written as XLSX and CSV, and read back as Excel and a CSV reader see them. */
class SheetFormatTest {

    private static final String LONG_NOTE = "@cs.li " + "很长的备注".repeat(10);
    private static final LocalDateTime UPDATED = LocalDateTime.of(2026, 11, 11, 0, 30, 5);

    /** Promotion figures: counts, amounts at two decimals, a rate at four, a time, formula-like text, empty cells. */
    private static final SheetTable CAMPAIGNS = new SheetTable(
            "Campaigns 推广",
            List.of("活动 Campaign", "点击 Clicks", "花费 Spend", "点击率 CTR", "ROI", "更新 Updated", "备注 Note"),
            List.of(
                    Arrays.asList(
                            "双11 预热, \"主会场\"",
                            12345L,
                            new BigDecimal("1234.50"),
                            new BigDecimal("0.0549"),
                            new BigDecimal("3.70"),
                            UPDATED,
                            "=HYPERLINK(\"http://x\")"),
                    Arrays.asList(
                            "-5% off\n第二行", 7, new BigDecimal("-3.10"), null, new BigDecimal("0.00"), null, LONG_NOTE),
                    Arrays.asList("+1 买一送一", 0L)));

    /** Whole amounts (scale 0), after the first table. */
    private static final SheetTable TOTALS = new SheetTable(
            "Totals",
            List.of("币种 Currency", "件数 Count", "花费 Spend"),
            List.of(
                    Arrays.asList("JPY", 3, new BigDecimal("1200")),
                    Arrays.asList("CNY", 2, new BigDecimal("1231.40"))));

    @Test
    void theWorkbookHasASheetPerTableWithBoldFrozenHeadingsNumbersAtTheirScaleAndExcelTimes() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(written(SheetFormat.XLSX)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("Campaigns 推广");
            assertThat(workbook.getSheetName(1)).isEqualTo("Totals");
            for (Sheet sheet : workbook) {
                PaneInformation pane = sheet.getPaneInformation();
                assertThat(pane.isFreezePane())
                        .as("%s: the headings stay in view", sheet.getSheetName())
                        .isTrue();
                assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
                assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 0);
                for (Cell heading : sheet.getRow(0)) {
                    assertThat(workbook.getFontAt(heading.getCellStyle().getFontIndex())
                                    .getBold())
                            .as("%s: %s bold", sheet.getSheetName(), heading.getStringCellValue())
                            .isTrue();
                }
            }

            Sheet campaigns = workbook.getSheet("Campaigns 推广");
            assertThat(texts(campaigns.getRow(0))).containsExactlyElementsOf(CAMPAIGNS.headings());
            assertThat(campaigns.getLastRowNum()).isEqualTo(3);
            Row first = campaigns.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("双11 预热, \"主会场\"");
            assertNumber(first.getCell(1), 12345.0, "General");
            assertNumber(first.getCell(2), 1234.5, "#,##0.00");
            assertNumber(first.getCell(3), 0.0549, "#,##0.0000");
            assertNumber(first.getCell(4), 3.7, "#,##0.00");
            assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(5))).isTrue();
            assertThat(first.getCell(5).getLocalDateTimeCellValue()).isEqualTo(UPDATED);
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
            assertThat(first.getCell(6).getCellType())
                    .as("text, never a formula")
                    .isEqualTo(CellType.STRING);
            assertThat(first.getCell(6).getStringCellValue())
                    .as("as written: a workbook's text needs no apostrophe")
                    .isEqualTo("=HYPERLINK(\"http://x\")");
            Row second = campaigns.getRow(2);
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("-5% off\n第二行");
            assertNumber(second.getCell(1), 7.0, "General");
            assertNumber(second.getCell(2), -3.1, "#,##0.00");
            assertThat(second.getCell(3)).as("null: empty").isNull();
            assertNumber(second.getCell(4), 0.0, "#,##0.00");
            assertThat(second.getCell(5)).isNull();
            assertThat(second.getCell(6).getStringCellValue()).isEqualTo(LONG_NOTE);
            Row shortLine = campaigns.getRow(3);
            assertThat(shortLine.getLastCellNum())
                    .as("a line shorter than the headings")
                    .isEqualTo((short) 2);
            assertThat(shortLine.getCell(0).getStringCellValue()).isEqualTo("+1 买一送一");
            assertNumber(shortLine.getCell(1), 0.0, "General");

            assertThat(campaigns.getColumnWidth(0))
                    .as("the longest campaign, a Chinese character two wide, and a margin of two")
                    .isEqualTo(21 * 256);
            assertThat(campaigns.getColumnWidth(3))
                    .as("the heading, wider than 0.0549")
                    .isEqualTo(12 * 256);
            assertThat(campaigns.getColumnWidth(5)).as("a time, 19 wide").isEqualTo(21 * 256);
            assertThat(campaigns.getColumnWidth(6)).as("at most 60 wide").isEqualTo(60 * 256);

            Sheet totals = workbook.getSheet("Totals");
            assertThat(texts(totals.getRow(0))).containsExactlyElementsOf(TOTALS.headings());
            assertThat(totals.getLastRowNum()).isEqualTo(2);
            assertThat(totals.getRow(1).getCell(0).getStringCellValue()).isEqualTo("JPY");
            assertNumber(totals.getRow(1).getCell(1), 3.0, "General");
            assertNumber(totals.getRow(1).getCell(2), 1200.0, "#,##0");
            assertThat(totals.getRow(2).getCell(0).getStringCellValue()).isEqualTo("CNY");
            assertNumber(totals.getRow(2).getCell(2), 1231.4, "#,##0.00");
            assertThat(totals.getColumnWidth(2))
                    .as("1,231.40 and 1,200 are narrower than the heading")
                    .isEqualTo(12 * 256);
        }
    }

    @Test
    void theCsvIsTheFirstTableInUtf8WithAByteOrderMarkQuotedAsRfc4180WithFormulasInert() throws IOException {
        byte[] csv = written(SheetFormat.CSV);

        assertThat(Arrays.copyOf(csv, 3)).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .as("the first table only: the workbook carries the others")
                .isEqualTo("\uFEFF"
                        + "活动 Campaign,点击 Clicks,花费 Spend,点击率 CTR,ROI,更新 Updated,备注 Note\r\n"
                        + "\"双11 预热, \"\"主会场\"\"\",12345,1234.50,0.0549,3.70,2026-11-11 00:30:05,"
                        + "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
                        + "\"'-5% off\n第二行\",7,-3.10,,0.00,,'" + LONG_NOTE + "\r\n"
                        + "'+1 买一送一,0\r\n");
    }

    @Test
    void aFormulaBehindSpacesATabOrACarriageReturnIsInertToo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetFormat.CSV.write(
                List.of(new SheetTable(
                        "t",
                        List.of("a"),
                        List.of(List.of(" =cmd"), List.of("\t=cmd"), List.of("\r=cmd"), List.of("  ")))),
                out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFa\r\n' =cmd\r\n'\t=cmd\r\n\"'\r=cmd\"\r\n\"  \"\r\n");
    }

    @Test
    void writingLeavesTheStreamOpen() throws IOException {
        for (SheetFormat format : SheetFormat.values()) {
            ClosingWatched out = new ClosingWatched();
            format.write(List.of(CAMPAIGNS, TOTALS), out);
            assertThat(out.closed).as("%s closed the stream", format).isFalse();
            assertThat(out.size()).isPositive();
        }
    }

    @Test
    void aFileNeedsATableAndAWorkbookDistinctNames() {
        for (SheetFormat format : SheetFormat.values()) {
            assertThatThrownBy(() -> format.write(List.of(), new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SheetFormat.XLSX.write(List.of(TOTALS, TOTALS), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Totals");
    }

    @Test
    void aFormatIsNamedByItsExtensionInAnyCase() {
        assertThat(SheetFormat.named("xlsx")).contains(SheetFormat.XLSX);
        assertThat(SheetFormat.named(" CSV ")).contains(SheetFormat.CSV);
        assertThat(SheetFormat.named("pdf")).isEmpty();
        assertThat(SheetFormat.named(null)).isEqualTo(Optional.empty());
        assertThat(SheetFormat.XLSX.extension()).isEqualTo("xlsx");
        assertThat(SheetFormat.XLSX.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(SheetFormat.CSV.extension()).isEqualTo("csv");
        assertThat(SheetFormat.CSV.mediaType()).isEqualTo("text/csv;charset=UTF-8");
    }

    private static byte[] written(SheetFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(List.of(CAMPAIGNS, TOTALS), out);
        return out.toByteArray();
    }

    private static void assertNumber(Cell cell, double value, String format) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isEqualTo(value);
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(format);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new java.util.ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getStringCellValue());
        }
        return texts;
    }

    /** Remembers whether the writer closed it. */
    private static final class ClosingWatched extends ByteArrayOutputStream {

        private boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}

package io.storeops.refund.sheet;

import static io.storeops.refund.sheet.SheetFixtures.NOVEMBER_28;
import static io.storeops.refund.sheet.SheetFixtures.STORE;
import static io.storeops.refund.sheet.SheetFixtures.at;
import static io.storeops.refund.sheet.SheetFixtures.days;
import static io.storeops.refund.sheet.SheetFixtures.opened;
import static io.storeops.refund.sheet.SheetFixtures.refundOnly;
import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.platform.sheets.SheetFormat;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.AfterSalePolicy;
import io.storeops.refund.cases.CaseLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The refund sheet written as XLSX and CSV, and read back as Excel and a CSV reader see it: its
 * tables, columns and cells. How the formats write any table (byte order mark, frozen headings,
 * number formats) is platform's SheetFormatTest's.
 */
class SheetFormatTest {

    private static final String FORMULA_LIKE = "=2+3 杯子破了";

    /** The fixtures' cases, and one whose reason a spreadsheet would take for a formula, opened last. */
    private static final RefundSheet SHEET = RefundSheet.of(days(NOVEMBER_28, NOVEMBER_28), withFormulaLikeReason());

    @Test
    void theWorkbookHoldsTheCasesAndTheTotalsAsNumbersAndTimesExcelCounts() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(written(SheetFormat.XLSX)))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Cases");
            assertThat(workbook.getSheetName(1)).isEqualTo("Totals by reason");

            Sheet cases = workbook.getSheet("Cases");
            assertThat(cases.getRow(0).getCell(0).getStringCellValue()).isEqualTo("订单 Order");
            assertThat(cases.getRow(0).getCell(12).getStringCellValue()).isEqualTo("退款金额 Refunded");
            assertThat(cases.getLastRowNum()).isEqualTo(5);
            Row paidBack = cases.getRow(3);
            assertThat(paidBack.getCell(1).getStringCellValue()).isEqualTo("rf-in");
            assertThat(paidBack.getCell(6).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 11, 28, 10, 0));
            assertThat(paidBack.getCell(11).getNumericCellValue()).isEqualTo(30.0);
            assertThat(paidBack.getCell(11).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0.00");
            assertThat(paidBack.getCell(12).getNumericCellValue()).isEqualTo(30.0);
            assertThat(paidBack.getCell(13).getStringCellValue()).isEqualTo("TB-1");
            Row cancelled = cases.getRow(4);
            assertThat(cancelled.getCell(9).getStringCellValue()).isEqualTo("是 yes");
            assertThat(cancelled.getCell(12)).as("not paid back yet: empty").isNull();
            Row formulaLike = cases.getRow(5);
            assertThat(formulaLike.getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getCell(4).getStringCellValue()).isEqualTo(FORMULA_LIKE);
            assertThat(cases.getColumnWidth(4))
                    .as("wide enough for the longest reason")
                    .isGreaterThanOrEqualTo("cracked on arrival".length() * 256);

            Sheet totals = workbook.getSheet("Totals by reason");
            assertThat(texts(totals.getRow(1), 2)).containsExactly("cracked on arrival", "CNY");
            assertThat(numbers(totals.getRow(1), 2, 5)).containsExactly(2.0, 158.0, 30.0);
            assertThat(totals.getLastRowNum())
                    .as("four reasons and the grand total")
                    .isEqualTo(5);
            assertThat(texts(totals.getRow(5), 2)).containsExactly("合计 Total", "CNY");
            assertThat(numbers(totals.getRow(5), 2, 5)).containsExactly(5.0, 459.0, 30.0);
        }
    }

    @Test
    void theCsvIsTheCasesAsOneTableInUtf8WithAByteOrderMarkForExcel() throws IOException {
        byte[] csv = written(SheetFormat.CSV);

        List<CSVRecord> records;
        try (CSVParser parser =
                CSVFormat.RFC4180.parse(new StringReader(new String(csv, StandardCharsets.UTF_8).substring(1)))) {
            records = parser.getRecords();
        }
        assertThat(records)
                .as("the headings and the five cases; the totals are the workbook's")
                .hasSize(6);
        assertThat(records.get(0).toList()).containsExactlyElementsOf(RefundSheet.CASE_HEADINGS);
        assertThat(records.get(3).toList())
                .containsExactly(
                        "tmall-flagship:T1",
                        "rf-in",
                        "REFUND_ONLY",
                        "COMPLETED",
                        "cracked on arrival",
                        "CS",
                        "2026-11-28 10:00:00",
                        "cs.li",
                        "sup.chen",
                        "",
                        "2026-11-28 11:00:00",
                        "30.00",
                        "30.00",
                        "TB-1",
                        "CNY");
        assertThat(records.get(5).get(4)).as("inert in a spreadsheet").isEqualTo("'" + FORMULA_LIKE);
    }

    private static List<AfterSale> withFormulaLikeReason() {
        List<AfterSale> files = new ArrayList<>(SheetFixtures.files());
        files.add(opened("tmall-flagship:T3", STORE, "CNY")
                .request(
                        refundOnly("rf-formula", FORMULA_LIKE, List.of(new CaseLine(1, 0, 500)), 0),
                        "cs.li",
                        at("2026-11-28T06:00:00Z"),
                        AfterSalePolicy.NONE)
                .state());
        return files;
    }

    private static byte[] written(SheetFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(SHEET.tables(), out);
        return out.toByteArray();
    }

    private static List<String> texts(Row row, int count) {
        List<String> texts = new ArrayList<>();
        for (int column = 0; column < count; column++) {
            texts.add(row.getCell(column).getStringCellValue());
        }
        return texts;
    }

    private static List<Double> numbers(Row row, int from, int to) {
        List<Double> numbers = new ArrayList<>();
        for (int column = from; column < to; column++) {
            numbers.add(row.getCell(column).getNumericCellValue());
        }
        return numbers;
    }
}

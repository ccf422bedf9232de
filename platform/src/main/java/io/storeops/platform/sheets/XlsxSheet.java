package io.storeops.platform.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Tables as an Excel workbook, a sheet each ({@link SheetFormat#XLSX} says how). */
final class XlsxSheet {

    /** Rows kept in memory while writing; earlier ones are already on disk. */
    private static final int ROWS_IN_MEMORY = 200;

    /** Widest column, in characters: longer text is cut off on screen, not in the cell. */
    private static final int WIDEST_COLUMN = 60;

    /** How wide "2026-11-28 14:00:00" shows. */
    private static final int TIME_WIDTH = 19;

    private XlsxSheet() {}

    /** Writes the tables to {@code out}, which stays open; the temporary files are deleted. */
    static void write(List<SheetTable> tables, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            Styles styles = new Styles(workbook);
            for (SheetTable table : tables) {
                fill(workbook.createSheet(table.name()), table, styles);
            }
            workbook.write(out);
        }
    }

    private static void fill(Sheet sheet, SheetTable table, Styles styles) {
        Row headings = sheet.createRow(0);
        for (int column = 0; column < table.headings().size(); column++) {
            Cell cell = headings.createCell(column);
            cell.setCellValue(table.headings().get(column));
            cell.setCellStyle(styles.heading);
        }
        for (int line = 0; line < table.lines().size(); line++) {
            Row row = sheet.createRow(line + 1);
            List<Object> cells = table.lines().get(line);
            for (int column = 0; column < cells.size(); column++) {
                if (cells.get(column) != null) {
                    set(row.createCell(column), cells.get(column), styles);
                }
            }
        }
        sheet.createFreezePane(0, 1);
        for (int column = 0; column < table.headings().size(); column++) {
            sheet.setColumnWidth(column, width(table, column) * 256);
        }
    }

    private static void set(Cell cell, Object value, Styles styles) {
        if (value instanceof BigDecimal decimal) {
            cell.setCellValue(decimal.doubleValue());
            cell.setCellStyle(styles.decimal(decimals(decimal)));
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(styles.time);
        } else if (value instanceof Number count) {
            cell.setCellValue(count.doubleValue());
        } else {
            // always text, never a formula: text may be typed by buyers
            cell.setCellValue(value.toString());
        }
    }

    /** The decimals a value shows: its scale (none for a negative scale, such as 1E+3's). */
    private static int decimals(BigDecimal decimal) {
        return Math.max(decimal.scale(), 0);
    }

    /** About as wide as the column's longest heading or cell, within reason (Excel counts in 1/256 characters). */
    private static int width(SheetTable table, int column) {
        int widest = shownWidth(table.headings().get(column));
        for (List<Object> cells : table.lines()) {
            if (column < cells.size()) {
                widest = Math.max(widest, shownWidth(cells.get(column)));
            }
        }
        return Math.min(widest + 2, WIDEST_COLUMN);
    }

    /** How many characters a value takes on screen; a Chinese character takes two. */
    private static int shownWidth(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof LocalDateTime) {
            return TIME_WIDTH;
        }
        String text = value instanceof BigDecimal decimal
                ? String.format(Locale.ROOT, "%,." + decimals(decimal) + "f", decimal)
                : value.toString();
        return text.codePoints()
                .map(character -> Character.isIdeographic(character) ? 2 : 1)
                .sum();
    }

    /** The workbook's few cell styles, each made once (a workbook holds a limited number). */
    private static final class Styles {

        private final Workbook workbook;
        private final CellStyle heading;
        private final CellStyle time;
        private final Map<Integer, CellStyle> decimals = new HashMap<>();

        Styles(Workbook workbook) {
            this.workbook = workbook;
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading = workbook.createCellStyle();
            heading.setFont(bold);
            time = formatted("yyyy-mm-dd hh:mm:ss");
        }

        /** Thousands grouped, and {@code digits} decimals: #,##0 for none, #,##0.00 for two, #,##0.0000 for four. */
        CellStyle decimal(int digits) {
            return decimals.computeIfAbsent(
                    digits, count -> formatted(count == 0 ? "#,##0" : "#,##0." + "0".repeat(count)));
        }

        private CellStyle formatted(String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }
    }
}

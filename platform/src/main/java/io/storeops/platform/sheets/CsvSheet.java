package io.storeops.platform.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A table as CSV ({@link SheetFormat#CSV} says how). */
final class CsvSheet {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvSheet() {}

    /** Writes the table to {@code out}, which stays open. */
    static void write(SheetTable table, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        text.write(BYTE_ORDER_MARK);
        CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180);
        printer.printRecord(table.headings());
        for (List<Object> line : table.lines()) {
            printer.printRecord(line.stream().map(CsvSheet::cell).toList());
        }
        printer.flush();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDateTime time) {
            return LOCAL_TIME.format(time);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number count) {
            return count.toString();
        }
        return inert(value.toString());
    }

    /** Text a spreadsheet would run as a formula, behind an apostrophe. */
    private static String inert(String text) {
        // a spreadsheet also runs what starts with a tab or a carriage return, and looks past spaces
        String start = text.stripLeading();
        if (start.isEmpty() && !text.startsWith("\t") && !text.startsWith("\r")) {
            return text;
        }
        boolean formula = text.startsWith("\t") || text.startsWith("\r") || "=+-@".indexOf(start.charAt(0)) >= 0;
        return formula ? "'" + text : text;
    }
}

package io.storeops.refund.sheet;

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

/**
 * A refund sheet as CSV: the cases only, one heading line and a line per case, so that the file
 * sorts, filters and imports as one table (a pivot table gives the totals, which the XLSX carries
 * on its second sheet). UTF-8 with a byte order mark, so that Excel opens Chinese readable; RFC
 * 4180 quoting; times in the store's zone; amounts as plain decimals. A text cell a spreadsheet
 * would run as a formula (=, +, -, @) starts with an apostrophe: reasons are typed by buyers.
 */
final class CsvSheet {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvSheet() {}

    static void write(RefundSheet sheet, OutputStream out) throws IOException {
        SheetTable cases = sheet.casesTable();
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        text.write(BYTE_ORDER_MARK);
        CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180);
        printer.printRecord(cases.headings());
        for (List<Object> line : cases.lines()) {
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
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof Number count) {
            return count.toString();
        }
        return inert(value.toString());
    }

    private static String inert(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + text : text;
    }
}

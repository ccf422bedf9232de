package io.storeops.fulfillment.stock.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The rows of an uploaded spreadsheet, one at a time, so that a long file is never held whole: CSV (UTF-8, with or without a byte order mark, or GB18030 as Excel saves it on
 * Chinese Windows) and XLSX (its first sheet, read as a stream of XML events).
 */
final class StockFileRows {

    private static final int SNIFFED_BYTES = 64 * 1024;

    private StockFileRows() {}

    /** Receives the rows of a file: each with its number as a spreadsheet shows it (the first row is 1). */
    interface RowHandler {
        void row(long number, List<String> cells);
    }

    /** Hands each row of {@code file} (named {@code name}) to {@code row}, in order, the header first. */
    static void read(Path file, String name, RowHandler row) {
        if (name.toLowerCase().endsWith(".xlsx")) {
            readXlsx(file, row);
        } else {
            readCsv(file, row);
        }
    }

    private static void readCsv(Path file, RowHandler row) {
        try (Reader text = Files.newBufferedReader(file, charsetOf(file))) {
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(false) // so that record numbers stay the spreadsheet's row numbers
                    .get();
            for (CSVRecord record : format.parse(text)) {
                row.row(record.getRecordNumber(), record.toList());
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** UTF-8 if the file's beginning reads as UTF-8, else GB18030 (what Chinese Excel writes as "CSV"). */
    private static Charset charsetOf(Path file) throws IOException {
        byte[] start;
        try (InputStream bytes = Files.newInputStream(file)) {
            start = bytes.readNBytes(SNIFFED_BYTES);
        }
        // Not the end of input when the sample is cut: a character cut in two is no reason to doubt UTF-8.
        CoderResult read = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(start), CharBuffer.allocate(start.length), start.length < SNIFFED_BYTES);
        return read.isError() ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
    }

    private static void readXlsx(Path file, RowHandler row) {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(),
                        null,
                        new ReadOnlySharedStringsTable(workbook),
                        new Rows(row),
                        new DataFormatter(),
                        false));
                parser.parse(new InputSource(sheet));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException notAWorkbook) {
            throw new IllegalArgumentException("the file is not a readable XLSX workbook.", notAWorkbook);
        }
    }

    /** Cells of one row in column order; cells a sheet leaves out are empty. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler row;
        private List<String> cells = new ArrayList<>();

        Rows(RowHandler row) {
            this.row = row;
        }

        @Override
        public void startRow(int rowNumber) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNumber) {
            row.row(rowNumber + 1L, cells);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value);
        }
    }
}

package io.storeops.platform.sheets;

import io.storeops.platform.sheets.FileRefused.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.ZipException;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX workbook row by row with POI's event API (the sheet's XML is
 * streamed; only the shared strings are held). Numbers come as typed, to 15 significant digits like
 * Excel shows them, whatever the cell's number format; date cells as ISO dates (2026-11-01), time
 * cells as 08:00:00. Progress is the share of the sheet's XML read, applied to the file's size.
 */
final class XlsxTable {

    private XlsxTable() {}

    public static void read(Path file, long fileSize, TableRows table, LongConsumer progress)
            throws IOException, FileRefused {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw unreadable("the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                long sheetSize = sheets.getSheetPart().getSize();
                Rows rows = new Rows(table);
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new Cells(), false));
                // the share of the sheet's XML read is told as the same share of the file's bytes
                xml.parse(new InputSource(new CountingInputStream(sheet, read -> {
                    if (sheetSize > 0) {
                        progress.accept((long) Math.min(fileSize - 1.0, (double) read / sheetSize * fileSize));
                    }
                })));
            }
        } catch (Stop stop) {
            throw stop.refused;
        } catch (SAXException e) {
            if (e.getCause() instanceof Stop stop) {
                throw stop.refused;
            }
            throw unreadable(e.getMessage());
        } catch (OpenXML4JException
                | OpenXML4JRuntimeException
                | POIXMLException
                | UnsupportedFileFormatException
                | ZipException
                | ParserConfigurationException e) {
            throw unreadable(e.getMessage());
        }
        progress.accept(fileSize);
    }

    private static FileRefused unreadable(String why) {
        return new FileRefused(
                Kind.UNREADABLE,
                "The XLSX workbook cannot be read (" + why + "): save it again from Excel, or as CSV.",
                "无法读取 XLSX 工作簿（" + why + "）：请用 Excel 重新保存，或另存为 CSV。");
    }

    /** A refusal thrown through the SAX parser. */
    private static final class Stop extends RuntimeException {
        final FileRefused refused;

        Stop(FileRefused refused) {
            super(refused.getMessage(), refused, false, false);
            this.refused = refused;
        }
    }

    /** Collects a row's cells by column (missing cells are empty) and pushes it to the table. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final TableRows table;
        private final List<String> cells = new ArrayList<>();

        Rows(TableRows table) {
            this.table = table;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : column(reference);
            while (cells.size() < column) {
                cells.add("");
            }
            if (column < cells.size()) {
                cells.set(column, value == null ? "" : value);
            } else {
                cells.add(value == null ? "" : value);
            }
        }

        @Override
        public void endRow(int rowNum) {
            try {
                table.row(rowNum + 1L, List.copyOf(cells));
            } catch (FileRefused refused) {
                throw new Stop(refused);
            }
        }

        /** The 0-based column of a cell reference such as "AB12". */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    column = column * 26 + (c - 'A' + 1);
                } else {
                    break;
                }
            }
            return column - 1;
        }
    }

    /** Numbers as typed and dates as ISO text, whatever the cell's display format. */
    private static final class Cells extends DataFormatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
        private static final MathContext EXCEL_DIGITS = new MathContext(15);

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return "";
            }
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904, true);
                if (value < 1) {
                    return at.toLocalTime().format(TIME);
                }
                if (at.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    return at.toLocalDate().toString();
                }
                return at.toLocalDate() + " " + at.toLocalTime().format(TIME);
            }
            return new BigDecimal(value)
                    .round(EXCEL_DIGITS)
                    .stripTrailingZeros()
                    .toPlainString();
        }
    }
}

package io.storeops.platform.sheets;

import io.storeops.platform.sheets.FileRefused.Kind;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file row by row: comma separated (直通车 and 生意参谋 exports, Google's and Shopify's plain CSV)
 * or tab separated (Google's "Excel CSV", UTF-16LE), whichever splits a header row out of the first lines.
 */
final class CsvTable {

    /** A row longer than this is a quote left open, not a table row. */
    static final int MAX_ROW_CHARS = 1 << 20;

    private CsvTable() {}

    /**
     * @param in the file's bytes after the byte order mark
     * @param sample the file's first bytes (with the mark), to find the separator
     */
    public static void read(InputStream in, TextEncoding encoding, byte[] sample, TableRows table)
            throws IOException, FileRefused {
        char delimiter = delimiter(encoding, sample, table);
        CharsetDecoder decoder = encoding.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        RowLimit reader = new RowLimit(new InputStreamReader(in, decoder));
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long linesBefore = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = linesBefore + 1;
                linesBefore = parser.getCurrentLineNumber();
                reader.rowRead();
                table.row(line, record.toList());
            }
        } catch (UncheckedIOException broken) {
            throw unreadable(broken.getCause());
        } catch (RowLimit.TooLong | org.apache.commons.csv.CSVException broken) {
            throw unreadable(broken);
        }
    }

    private static FileRefused unreadable(IOException cause) {
        return new FileRefused(
                Kind.UNREADABLE,
                "The CSV file is broken: " + cause.getMessage() + " (a quote that is never closed?).",
                "CSV 文件已损坏：" + cause.getMessage() + "（引号未闭合？）。");
    }

    /** The separator that makes a header row of one of the sample's first lines; else tab for UTF-16, comma. */
    static char delimiter(TextEncoding encoding, byte[] sample, TableRows table) {
        int from = Math.min(encoding.byteOrderMark(), sample.length);
        String text = new String(sample, from, sample.length - from, encoding.charset());
        String[] lines = text.split("\r\n|\r|\n", TableRows.HEADER_SEARCH_ROWS + 2);
        for (char candidate : new char[] {',', '\t', ';'}) {
            for (int i = 0; i < Math.min(lines.length, TableRows.HEADER_SEARCH_ROWS + 1); i++) {
                if (table.looksLikeHeader(split(lines[i], candidate))) {
                    return candidate;
                }
            }
        }
        return encoding.charset().name().startsWith("UTF-16") ? '\t' : ',';
    }

    private static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(String.valueOf(delimiter), -1)) {
            cells.add(cell.strip().replace("\"", ""));
        }
        return cells;
    }

    /** Fails a row that grows beyond {@link #MAX_ROW_CHARS}, so that an open quote cannot fill the heap. */
    private static final class RowLimit extends FilterReader {
        private long sinceRow;

        RowLimit(Reader in) {
            super(in);
        }

        void rowRead() {
            sinceRow = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            counted(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            counted(Math.max(0, n));
            return n;
        }

        private void counted(int n) throws TooLong {
            sinceRow += n;
            if (sinceRow > MAX_ROW_CHARS + 65536L) {
                throw new TooLong();
            }
        }

        static final class TooLong extends IOException {
            TooLong() {
                super("a row is longer than " + MAX_ROW_CHARS + " characters");
            }
        }
    }
}

package io.storeops.platform.sheets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Reads a table file as sellers download them, its format told from its bytes: XLSX by its zip
 * signature (first sheet, streamed); an old .xls refused; else CSV, its charset from its byte order
 * mark, else UTF-8 when its bytes are valid UTF-8, else GB18030 (GBK, GB2312), and its separator
 * (comma, tab, semicolon) from the line that looks like the header. The file is streamed, never held.
 */
public final class TableFile {

    /** Bytes looked at to tell the format, charset and separator. */
    public static final int SAMPLE_BYTES = 64 * 1024;

    /**
     * How the rows come.
     *
     * @param encoding the CSV text's charset, for messages about undecodable bytes; null for a
     *     workbook, whose rows miss trailing empty cells and whose days may be Excel day numbers
     */
    public record Format(String encoding) {

        public boolean workbook() {
            return encoding == null;
        }
    }

    private TableFile() {}

    /**
     * Reads {@code file} into the rows {@code table} makes for its format, and answers them.
     *
     * @param bytesRead told the bytes read so far, now and then and at the end; for XLSX an estimate
     * @throws FileRefused when the file is empty, an old .xls workbook, not text, or broken; or when
     *     the rows refuse it
     */
    public static <T extends TableRows> T read(Path file, Function<Format, T> table, LongConsumer bytesRead)
            throws FileRefused, IOException {
        LongConsumer progress = bytesRead == null ? n -> {} : bytesRead;
        long size = Files.size(file);
        if (size == 0) {
            throw FileRefused.empty();
        }
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(8);
        }
        if (TextEncoding.starts(magic, 0x50, 0x4B, 0x03, 0x04)) {
            T rows = table.apply(new Format(null));
            XlsxTable.read(file, size, rows, progress);
            return rows;
        }
        if (TextEncoding.starts(magic, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new FileRefused(
                    FileRefused.Kind.UNREADABLE,
                    "The file is an old Excel .xls workbook (or a password-protected one): save it as .xlsx or CSV.",
                    "文件是旧版 Excel .xls 工作簿（或已加密）：请另存为 .xlsx 或 CSV。");
        }
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file), progress);
                BufferedInputStream in = new BufferedInputStream(counting, 2 * SAMPLE_BYTES)) {
            in.mark(SAMPLE_BYTES + 1);
            byte[] sample = in.readNBytes(SAMPLE_BYTES);
            in.reset();
            TextEncoding encoding = TextEncoding.detect(sample, sample.length == size);
            in.skipNBytes(encoding.byteOrderMark());
            T rows = table.apply(new Format(encoding.charset().name()));
            CsvTable.read(in, encoding, sample, rows);
            counting.finish();
            return rows;
        }
    }
}

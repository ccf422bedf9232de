package io.storeops.analytics.promotion.reports;

import io.storeops.analytics.promotion.reports.ReportRefused.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Reads pay-per-click report files as sellers download them: Taobao/Tmall 直通车 reports (CSV in
 * GB18030/GBK or UTF-8, or XLSX) and Google Ads reports (CSV in UTF-8, or Google's "Excel CSV" in
 * UTF-16LE with tabs). The file is streamed, never held: a million-row report reads in constant
 * memory (an XLSX workbook holds its shared strings).
 */
public final class PpcReports {

    /** Bytes looked at to tell the format, charset and separator. */
    static final int SAMPLE_BYTES = 64 * 1024;

    private PpcReports() {}

    /**
     * Reads a report file whose money is in a currency of two decimals (CNY, USD...) unless the file
     * has a currency column. See {@link #read(Path, LocalDate, Currency, PpcRowSink, LongConsumer)}.
     */
    public static ReportSummary read(Path file, LocalDate today, PpcRowSink sink, LongConsumer bytesRead)
            throws ReportRefused, IOException {
        return read(file, today, null, sink, bytesRead);
    }

    /**
     * Reads a report file, format told from its bytes (XLSX by its zip signature; CSV by its byte order
     * mark, else UTF-8 when its bytes are valid UTF-8, else GB18030), gives the sink the report's
     * source and grain once the header is read, then each row, accepted or refused, in file order.
     *
     * @param today the store's local date: a row of a later day is refused
     * @param storeCurrency the currency of the money when the file has no currency column (its
     *     decimals say how to read amounts: ¥ 12.34 is 1234 fen, ￥12 in a JPY store is 12 yen); null
     *     for two decimals. The rows' {@code currency} stays null all the same.
     * @param bytesRead told the bytes of the file read so far, now and then and at the end (then the
     *     file's size); for XLSX an estimate from the share of the sheet read
     * @throws ReportRefused when the file as a whole is not a report that can be read: empty, not
     *     text, no header, an unknown or duplicate column, no date or no metric column, or broken
     */
    public static ReportSummary read(
            Path file, LocalDate today, Currency storeCurrency, PpcRowSink sink, LongConsumer bytesRead)
            throws ReportRefused, IOException {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(sink, "sink");
        LongConsumer progress = bytesRead == null ? n -> {} : bytesRead;
        int fractionDigits = storeCurrency == null ? 2 : Math.max(0, storeCurrency.getDefaultFractionDigits());
        long size = Files.size(file);
        if (size == 0) {
            throw new ReportRefused(Reason.EMPTY, "The file is empty.", "文件是空的。");
        }
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(8);
        }
        if (starts(magic, 0x50, 0x4B, 0x03, 0x04)) {
            ReportTable table = new ReportTable(today, fractionDigits, sink, true, null);
            XlsxReport.read(file, size, table, progress);
            return table.finish();
        }
        if (starts(magic, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new ReportRefused(
                    Reason.UNREADABLE,
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
            ReportTable table = new ReportTable(
                    today, fractionDigits, sink, false, encoding.charset().name());
            CsvReport.read(in, encoding, sample, table);
            ReportSummary summary = table.finish();
            counting.finish();
            return summary;
        }
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

package io.storeops.analytics.promotion.reports;

import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.TableFile;
import java.io.IOException;
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
        try {
            return TableFile.read(file, format -> new ReportTable(today, fractionDigits, sink, format), progress)
                    .finish();
        } catch (FileRefused refused) {
            throw ReportRefused.of(refused);
        }
    }
}

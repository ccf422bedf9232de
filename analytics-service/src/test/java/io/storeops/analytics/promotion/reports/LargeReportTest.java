package io.storeops.analytics.promotion.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.platform.sheets.RefusedRow;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of 200,000 rows streams through: nothing of it is held, by the reader or by this test. */
class LargeReportTest {

    private static final int ROWS = 200_000;

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandRowsAreStreamedAndAddUpExactly() throws Exception {
        Path file = dir.resolve("large-keywords.csv");
        long expectedSpend = 0;
        long expectedClicks = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, Charset.forName("GB18030")))) {
            out.write("直通车报表\r\n日期,推广计划名称,宝贝ID,关键词,展现量,点击量,花费(元),总成交笔数,总成交金额,点击率\r\n");
            for (int i = 0; i < ROWS; i++) {
                long spendFen = (i * 7919L) % 1_000_000; // up to 9,999.99 元
                long clicks = i % 50;
                expectedSpend += spendFen;
                expectedClicks += clicks;
                out.write(
                        "2026-11-" + (10 + i % 10) + ",计划" + (i % 7) + "," + (6501234567L + i % 100) + ",关键词" + i + ","
                                + (1000 + i % 3000) + "," + clicks + ",\"" + String.format("%,d", spendFen / 100) + "."
                                + twoDigits(spendFen % 100) + "\"," + (i % 3) + "," + (i % 3) * 298 + ".00,1.00%\r\n");
            }
            out.write("合计,,,,,,,,,\r\n");
        }

        long[] accepted = new long[3];
        long[] progress = {0, 0};
        ReportSummary summary = PpcReports.read(
                file,
                LocalDate.parse("2026-11-28"),
                new PpcRowSink() {
                    @Override
                    public void accepted(PpcRow row) {
                        accepted[0]++;
                        accepted[1] += row.spendMinor();
                        accepted[2] += row.clicks();
                    }

                    @Override
                    public void refused(RefusedRow refused) {
                        throw new AssertionError(refused.toString());
                    }
                },
                bytes -> {
                    assertThat(bytes).isGreaterThan(progress[0]);
                    progress[0] = bytes;
                    progress[1]++;
                });

        assertThat(accepted[0]).isEqualTo(ROWS);
        assertThat(accepted[1]).isEqualTo(expectedSpend);
        assertThat(accepted[2]).isEqualTo(expectedClicks);
        assertThat(summary.rowsAccepted()).isEqualTo(ROWS);
        assertThat(summary.totalsSkipped()).isOne();
        assertThat(summary.firstDay()).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(summary.lastDay()).isEqualTo(LocalDate.parse("2026-11-19"));
        assertThat(progress[0]).isEqualTo(Files.size(file));
        assertThat(progress[1]).isGreaterThan(10); // told along the way, not only at the end
    }

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}

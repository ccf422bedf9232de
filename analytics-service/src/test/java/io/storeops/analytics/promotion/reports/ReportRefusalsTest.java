package io.storeops.analytics.promotion.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.storeops.platform.sheets.FileRefused.Kind;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are refused as a whole, with a message that says why. */
class ReportRefusalsTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    private ReportRefused refusal(byte[] bytes) throws Exception {
        Collected sink = new Collected();
        Path file = Collected.write(dir, "report", bytes);
        ReportRefused refused =
                catchThrowableOfType(ReportRefused.class, () -> PpcReports.read(file, Collected.TODAY, sink, n -> {}));
        assertThat(refused).isNotNull();
        assertThat(sink.rows).isEmpty();
        assertThat(sink.refused).isEmpty();
        return refused;
    }

    private ReportRefused refusal(String text, Charset charset) throws Exception {
        return refusal(text.getBytes(charset));
    }

    @Test
    void anEmptyFile() throws Exception {
        assertThat(refusal(new byte[0]).kind()).isEqualTo(Kind.EMPTY);
        ReportRefused blank = refusal("\uFEFF\n  \n,,,\n\n", StandardCharsets.UTF_8);
        assertThat(blank.kind()).isEqualTo(Kind.EMPTY);
        assertThat(blank.getMessage()).isEqualTo("The file is empty.");
        assertThat(blank.chinese()).isEqualTo("文件是空的。");
    }

    @Test
    void binaryGarbage() throws Exception {
        byte[] garbage = new byte[5000];
        new Random(7).nextBytes(garbage);

        ReportRefused refused = refusal(garbage);

        assertThat(refused.kind()).isEqualTo(Kind.NOT_TEXT);
        assertThat(refused.getMessage()).contains("not a readable CSV text");
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030() throws Exception {
        byte[] header = "日期,展现量,点击量\r\n".getBytes(GB18030);
        byte[] bytes = new byte[header.length + 4];
        System.arraycopy(header, 0, bytes, 0, header.length);
        bytes[header.length] = (byte) 0x81; // a GB18030 lead byte followed by a line feed
        bytes[header.length + 1] = '\n';
        bytes[header.length + 2] = (byte) 0xFF;
        bytes[header.length + 3] = '\n';

        assertThat(refusal(bytes).kind()).isEqualTo(Kind.NOT_TEXT);
    }

    @Test
    void controlCharactersInTheHeaderArea() throws Exception {
        ReportRefused refused = refusal("报表\u0001\u0002\n日期,展现量,点击量\n", StandardCharsets.UTF_8);

        assertThat(refused.kind()).isEqualTo(Kind.NOT_TEXT);
        assertThat(refused.getMessage()).contains("line 1");
    }

    @Test
    void anUnknownColumnIsNamedWithTheAcceptedOnes() throws Exception {
        ReportRefused refused = refusal("""
                直通车报表
                日期,关键词,展现量,点击量,花费,转化次数
                2026-11-01,龙井茶,10,1,1.00,1
                """, GB18030);

        assertThat(refused.kind()).isEqualTo(Kind.UNKNOWN_COLUMN);
        assertThat(refused.column()).isEqualTo("转化次数");
        assertThat(refused.getMessage())
                .startsWith("Unknown column \"转化次数\" in the header (line 2) of this Taobao 直通车 report.")
                .contains("Columns read: 日期, 时间, 统计日期")
                .contains("花费", "总成交笔数")
                .contains("Columns known and ignored: 点击率, 平均点击花费");
        assertThat(refused.chinese()).startsWith("表头（第2行）中有无法识别的列：“转化次数”。直通车报表可读取的列：");
    }

    @Test
    void aGoogleAdsColumnThatSplitsRowsIsUnknown() throws Exception {
        ReportRefused refused = refusal("""
                Keyword report
                November 1, 2026 - November 1, 2026
                Keyword,Device,Network,Day,Impr.,Clicks,Cost
                """, StandardCharsets.UTF_8);

        assertThat(refused.kind()).isEqualTo(Kind.UNKNOWN_COLUMN);
        assertThat(refused.column()).isEqualTo("Device");
        assertThat(refused.getMessage())
                .startsWith("Unknown columns \"Device\", \"Network\" in the header (line 3) of this Google Ads report.")
                .contains("Columns read: Day, Date,");
    }

    @Test
    void aReportWithoutADateColumn() throws Exception {
        ReportRefused ztc = refusal("计划名称,关键词,展现量,点击量,花费\n双11,龙井茶,10,1,1.00\n", GB18030);
        ReportRefused google = refusal(
                "Keyword report\r\nNovember 1, 2026 - November 7, 2026\r\nKeyword,Campaign,Impr.,Clicks,Cost\r\n",
                StandardCharsets.UTF_8);

        assertThat(ztc.kind()).isEqualTo(Kind.NO_DATE_COLUMN);
        assertThat(ztc.getMessage())
                .isEqualTo("The header (line 1) of this Taobao 直通车 report has no date column (日期, 时间, 统计日期, 数据日期):"
                        + " download the report broken down by day.");
        assertThat(ztc.chinese()).contains("请下载按天细分");
        assertThat(google.kind()).isEqualTo(Kind.NO_DATE_COLUMN);
        assertThat(google.getMessage()).contains("line 3", "(Day, Date)");
    }

    @Test
    void aReportWithoutAMetricColumn() throws Exception {
        ReportRefused refused = refusal("日期,关键词,点击率\n2026-11-01,龙井茶,1%\n", GB18030);

        assertThat(refused.kind()).isEqualTo(Kind.NO_METRIC_COLUMN);
        assertThat(refused.getMessage()).contains("展现量", "花费");
    }

    @Test
    void aColumnTwiceOrTwoColumnsForOneValue() throws Exception {
        ReportRefused twice = refusal("日期,展现量,花费,展现量\n", GB18030);
        ReportRefused sameValue = refusal("日期,展现量,花费(元),花费(分)\n", GB18030);

        assertThat(twice.kind()).isEqualTo(Kind.DUPLICATE_COLUMN);
        assertThat(twice.column()).isEqualTo("展现量");
        assertThat(twice.getMessage()).isEqualTo("The column \"展现量\" appears twice in the header (line 1).");
        assertThat(sameValue.kind()).isEqualTo(Kind.DUPLICATE_COLUMN);
        assertThat(sameValue.getMessage()).contains("\"花费(元)\" and \"花费(分)\"");
    }

    @Test
    void noHeaderRow() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("这不是一份报表, 第").append(i).append("行\n");
        }
        ReportRefused refused = refusal(text.toString(), StandardCharsets.UTF_8);

        assertThat(refused.kind()).isEqualTo(Kind.NO_HEADER);
        assertThat(refused.getMessage()).startsWith("No header row found in the first 30 lines");
        assertThat(refusal("just, a few\nwords\n", StandardCharsets.UTF_8).kind())
                .isEqualTo(Kind.NO_HEADER);
    }

    @Test
    void anOldExcelWorkbookOrABrokenOne() throws Exception {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        byte[] notAWorkbook = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        assertThat(refusal(xls).kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(refusal(xls).getMessage()).contains(".xls");
        assertThat(refusal(notAWorkbook).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void aQuoteThatIsNeverClosed() throws Exception {
        Collected sink = new Collected();
        Path file = Collected.write(
                dir,
                "open-quote.csv",
                "日期,关键词,展现量\n2026-11-01,龙井茶,10\n2026-11-01,\"明前龙井,10\n2026-11-01,白茶,10\n".getBytes(GB18030));

        ReportRefused refused =
                catchThrowableOfType(ReportRefused.class, () -> PpcReports.read(file, Collected.TODAY, sink, n -> {}));

        assertThat(refused.kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(sink.rows).hasSize(1); // given before the break was found: the caller keeps nothing
    }
}

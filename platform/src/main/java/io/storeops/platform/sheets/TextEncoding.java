package io.storeops.platform.sheets;

import io.storeops.platform.sheets.FileRefused.Kind;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The charset of a CSV file, from its first bytes: a byte order mark names it (UTF-8, UTF-16LE/BE,
 * GB18030); else UTF-16 without a mark shows as every other byte zero; else bytes valid as UTF-8 are
 * UTF-8; else they must be valid GB18030 (which covers GBK and GB2312), the charset of 直通车's CSV
 * exports. Zero bytes in a file that is not UTF-16, or bytes GB18030 cannot decode, mean the file is
 * not text.
 */
public record TextEncoding(Charset charset, int byteOrderMark) {

    public static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * @param sample the file's first bytes
     * @param whole whether the sample is the whole file (a character cut at its end is then an error)
     */
    public static TextEncoding detect(byte[] sample, boolean whole) throws FileRefused {
        if (starts(sample, 0xEF, 0xBB, 0xBF)) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (starts(sample, 0xFF, 0xFE)) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (starts(sample, 0xFE, 0xFF)) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        if (starts(sample, 0x84, 0x31, 0x95, 0x33)) {
            return new TextEncoding(GB18030, 4);
        }
        int zerosEven = 0;
        int zerosOdd = 0;
        for (int i = 0; i < sample.length; i++) {
            if (sample[i] == 0) {
                if (i % 2 == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            }
        }
        int half = sample.length / 2;
        if (half >= 2 && zerosOdd > half * 0.4 && zerosEven == 0) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 0);
        }
        if (half >= 2 && zerosEven > half * 0.4 && zerosOdd == 0) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 0);
        }
        if (zerosEven + zerosOdd > 0) {
            throw notText();
        }
        if (decodes(StandardCharsets.UTF_8, sample, sample.length, whole)) {
            return new TextEncoding(StandardCharsets.UTF_8, 0);
        }
        // Cut at the last line feed, which is never part of a GB18030 character.
        int end = sample.length;
        if (!whole) {
            for (int i = sample.length - 1; i >= 0; i--) {
                if (sample[i] == '\n') {
                    end = i + 1;
                    break;
                }
            }
        }
        if (decodes(GB18030, sample, end, whole || end < sample.length)) {
            return new TextEncoding(GB18030, 0);
        }
        throw notText();
    }

    private static FileRefused notText() {
        return new FileRefused(
                Kind.NOT_TEXT,
                "The file is not a readable CSV text (UTF-8, UTF-16 or GB18030/GBK) nor an XLSX workbook.",
                "文件不是可读的 CSV 文本（UTF-8、UTF-16 或 GB18030/GBK）或 XLSX 工作簿。");
    }

    private static boolean decodes(Charset charset, byte[] bytes, int length, boolean endOfInput) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 16);
        CoderResult result = decoder.decode(in, out, endOfInput);
        if (result.isError()) {
            return false;
        }
        return !endOfInput || !decoder.flush(out).isError();
    }

    static boolean starts(byte[] bytes, int... prefix) {
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

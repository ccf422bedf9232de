package io.storeops.fulfillment.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One PDF being written: pages of a size, text in the bundled font (Chinese and Latin alike,
 * embedded as a subset of the glyphs used), lines, boxes and Code 128 barcodes. Coordinates are
 * points from the page's top left, as a layout reads; PDF's own origin is bottom left.
 */
final class PdfSheet implements AutoCloseable {

    static final float MM = 72f / 25.4f;
    private static final Pattern BARCODE_CONTENT = Pattern.compile("[\\x20-\\x7E]{1,80}");
    private static final String FONT = "wqy-microhei.ttf";
    private static final byte[] FONT_BYTES = readFont();

    private final PDDocument document;
    private final PDType0Font font;
    private final CmapLookup characters;
    private final PDRectangle size;
    private PDPageContentStream page;

    PdfSheet(PDDocument document, PDRectangle size) {
        this.document = document;
        this.size = size;
        try {
            TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
            this.font = PDType0Font.load(document, parsed, true);
            this.characters = parsed.getUnicodeCmapLookup();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static byte[] readFont() {
        try (InputStream in = PdfSheet.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    float width() {
        return size.getWidth();
    }

    float height() {
        return size.getHeight();
    }

    /** Starts a new page; the previous one is finished. */
    void newPage() throws IOException {
        finishPage();
        PDPage next = new PDPage(size);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
    }

    /** Text on one line whose top is at {@code top}; characters the font lacks print as '?'. */
    void text(float left, float top, float fontSize, String text) throws IOException {
        page.beginText();
        page.setFont(font, fontSize);
        page.newLineAtOffset(left, size.getHeight() - top - fontSize);
        page.showText(printable(text));
        page.endText();
    }

    /** The width {@code text} takes at {@code fontSize}. */
    float widthOf(String text, float fontSize) throws IOException {
        return font.getStringWidth(printable(text)) / 1000f * fontSize;
    }

    /**
     * {@code text} broken into lines that fit {@code width} at {@code fontSize}: at spaces for Latin
     * words, anywhere between Chinese characters, and at the line breaks it has.
     */
    List<String> wrap(String text, float width, float fontSize) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int index = 0; index < paragraph.length(); ) {
                int codePoint = paragraph.codePointAt(index);
                String character = new String(Character.toChars(codePoint));
                if (widthOf(line + character, fontSize) > width && line.length() > 0) {
                    if (codePoint != ' ' && lastSpace > 0) {
                        lines.add(line.substring(0, lastSpace));
                        line.delete(0, lastSpace + 1);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    lastSpace = -1;
                    if (codePoint == ' ') {
                        index += Character.charCount(codePoint);
                        continue;
                    }
                }
                if (codePoint == ' ') {
                    lastSpace = line.length();
                }
                line.append(character);
                index += Character.charCount(codePoint);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Wrapped text from {@code top}; returns where the next line would start. */
    float paragraph(float left, float top, float width, float fontSize, String text) throws IOException {
        float y = top;
        for (String line : wrap(text, width, fontSize)) {
            text(left, y, fontSize, line);
            y += fontSize * 1.3f;
        }
        return y;
    }

    void line(float x1, float y1, float x2, float y2, float thickness) throws IOException {
        page.setLineWidth(thickness);
        page.moveTo(x1, size.getHeight() - y1);
        page.lineTo(x2, size.getHeight() - y2);
        page.stroke();
    }

    void box(float left, float top, float width, float height) throws IOException {
        page.setLineWidth(0.6f);
        page.addRect(left, size.getHeight() - top - height, width, height);
        page.stroke();
    }

    /**
     * A Code 128 barcode of {@code content} filling {@code width} × {@code height}, quiet zones
     * included; content Code 128 cannot carry (not printable ASCII, or longer than 80 characters)
     * gets a box saying so instead, and the text printed beside it is what to type.
     */
    void barcode(float left, float top, float width, float height, String content) throws IOException {
        if (!BARCODE_CONTENT.matcher(content).matches()) {
            box(left, top, width, height);
            text(left + 4, top + height / 2 - 5, 8, "无条码 No barcode: type the number below");
            return;
        }
        BitMatrix bars = new Code128Writer().encode(content, BarcodeFormat.CODE_128, 0, 1);
        float module = width / bars.getWidth();
        page.setNonStrokingColor(Color.BLACK);
        for (int x = 0; x < bars.getWidth(); ) {
            if (!bars.get(x, 0)) {
                x++;
                continue;
            }
            int run = 1;
            while (x + run < bars.getWidth() && bars.get(x + run, 0)) {
                run++;
            }
            page.addRect(left + x * module, size.getHeight() - top - height, run * module, height);
            x += run;
        }
        page.fill();
    }

    /** Text the font can draw: what it lacks (and control characters) becomes '?'. */
    private String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            boolean drawable =
                    codePoint == '\n' || (!Character.isISOControl(codePoint) && characters.getGlyphId(codePoint) > 0);
            out.appendCodePoint(drawable ? codePoint : '?');
        });
        return out.toString();
    }

    private void finishPage() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    @Override
    public void close() throws IOException {
        finishPage();
    }
}

package io.storeops.platform.documents;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A PDF being drawn on, page by page: pages of a size, text in {@link ChineseFont} (Chinese and
 * Latin alike, embedded as a subset of the glyphs used; bold drawn as outlined glyphs, the face
 * having no bold), lines, boxes, filled rectangles and images. Coordinates are points from the
 * page's top left, as a layout reads; PDF's own origin is bottom left. Text the font cannot draw
 * prints with '?' in place of what it lacks ({@link ChineseFont#printable}).
 */
public class PdfCanvas implements AutoCloseable {

    private static final String ELLIPSIS = "…";

    private final PDDocument document;
    private final PDType0Font font;
    private final PDRectangle size;
    private PDPageContentStream page;

    public PdfCanvas(PDDocument document, PDRectangle size) {
        this.document = document;
        this.size = size;
        this.font = ChineseFont.embedIn(document);
    }

    public float width() {
        return size.getWidth();
    }

    public float height() {
        return size.getHeight();
    }

    public int pageCount() {
        return document.getNumberOfPages();
    }

    /** Starts a new page; the previous one is finished. */
    public void newPage() throws IOException {
        finishPage();
        PDPage next = new PDPage(size);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
    }

    /**
     * Draws further on the page at {@code index} (from 0), over what it has: for what is known only
     * once all pages are there, such as "page n of m". The current page is finished.
     */
    public void drawOnPage(int index) throws IOException {
        finishPage();
        page = new PDPageContentStream(
                document, document.getPage(index), PDPageContentStream.AppendMode.APPEND, true, true);
    }

    /** Black text on one line whose top is at {@code top}. */
    public void text(float left, float top, float fontSize, String text) throws IOException {
        text(left, top, fontSize, Color.BLACK, false, text);
    }

    /** Text on one line whose top is at {@code top}; a line break in it prints as a space. */
    public void text(float left, float top, float fontSize, Color color, boolean bold, String text) throws IOException {
        if (bold) {
            page.setStrokingColor(color);
            page.setLineWidth(fontSize * 0.035f);
        }
        page.beginText();
        page.setFont(font, fontSize);
        page.setNonStrokingColor(color);
        page.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        page.newLineAtOffset(left, size.getHeight() - top - fontSize);
        page.showText(oneLine(text));
        page.setRenderingMode(RenderingMode.FILL);
        page.endText();
    }

    /** Text on one line ending at {@code right}. */
    public void textRight(float right, float top, float fontSize, Color color, boolean bold, String text)
            throws IOException {
        text(right - widthOf(text, fontSize), top, fontSize, color, bold, text);
    }

    /** The width {@code text} takes on one line at {@code fontSize}. */
    public float widthOf(String text, float fontSize) throws IOException {
        return font.getStringWidth(oneLine(text)) / 1000f * fontSize;
    }

    /**
     * {@code text} broken into lines that fit {@code width} at {@code fontSize}: at spaces for Latin
     * words, anywhere between Chinese characters, and at the line breaks it has.
     */
    public List<String> wrap(String text, float width, float fontSize) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : ChineseFont.printable(text).split("\n", -1)) {
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

    /** At most {@code maxLines} lines of {@link #wrap}; when there are more, the last one kept ends in an ellipsis. */
    public List<String> wrap(String text, float width, float fontSize, int maxLines) throws IOException {
        List<String> lines = wrap(text, width, fontSize);
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        kept.set(maxLines - 1, fit(kept.get(maxLines - 1) + ELLIPSIS, width, fontSize));
        return kept;
    }

    /** {@code text} on one line of at most {@code width}: whole if it fits, else cut and ending in an ellipsis. */
    public String fit(String text, float width, float fontSize) throws IOException {
        String line = oneLine(text);
        if (widthOf(line, fontSize) <= width) {
            return line;
        }
        int end = line.length();
        while (end > 0 && widthOf(line.substring(0, end) + ELLIPSIS, fontSize) > width) {
            end = line.offsetByCodePoints(end, -1);
        }
        return line.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** A black line. */
    public void line(float x1, float y1, float x2, float y2, float thickness) throws IOException {
        line(x1, y1, x2, y2, thickness, Color.BLACK);
    }

    public void line(float x1, float y1, float x2, float y2, float thickness, Color color) throws IOException {
        page.setStrokingColor(color);
        page.setLineWidth(thickness);
        page.moveTo(x1, size.getHeight() - y1);
        page.lineTo(x2, size.getHeight() - y2);
        page.stroke();
    }

    /** A box outlined in black. */
    public void box(float left, float top, float width, float height) throws IOException {
        box(left, top, width, height, Color.BLACK);
    }

    public void box(float left, float top, float width, float height, Color color) throws IOException {
        page.setStrokingColor(color);
        page.setLineWidth(0.6f);
        page.addRect(left, size.getHeight() - top - height, width, height);
        page.stroke();
    }

    public void fill(float left, float top, float width, float height, Color color) throws IOException {
        page.setNonStrokingColor(color);
        page.addRect(left, size.getHeight() - top - height, width, height);
        page.fill();
    }

    /** {@code image} scaled into {@code width} × {@code height} points, compressed losslessly. */
    public void image(BufferedImage image, float left, float top, float width, float height) throws IOException {
        page.drawImage(
                LosslessFactory.createFromImage(document, image), left, size.getHeight() - top - height, width, height);
    }

    private static String oneLine(String text) {
        return ChineseFont.printable(text).replace('\n', ' ');
    }

    private void finishPage() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    /** Finishes the current page; the document stays open. */
    @Override
    public void close() throws IOException {
        finishPage();
    }
}

package io.storeops.fulfillment.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import io.storeops.platform.documents.PdfCanvas;
import java.awt.Color;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * One PDF being written: a {@link PdfCanvas} (pages of a size, text in platform's Chinese font
 * embedded as a subset, lines and boxes; coordinates from the page's top left) that also draws
 * wrapped paragraphs and Code 128 barcodes.
 */
final class PdfSheet extends PdfCanvas {

    static final float MM = 72f / 25.4f;
    private static final Pattern BARCODE_CONTENT = Pattern.compile("[\\x20-\\x7E]{1,80}");

    PdfSheet(PDDocument document, PDRectangle size) {
        super(document, size);
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
        for (int x = 0; x < bars.getWidth(); ) {
            if (!bars.get(x, 0)) {
                x++;
                continue;
            }
            int run = 1;
            while (x + run < bars.getWidth() && bars.get(x + run, 0)) {
                run++;
            }
            fill(left + x * module, top, run * module, height, Color.BLACK);
            x += run;
        }
    }
}

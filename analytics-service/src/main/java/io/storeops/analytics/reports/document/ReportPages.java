package io.storeops.analytics.reports.document;

import io.storeops.platform.documents.PdfCanvas;
import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A4 portrait pages filled from the top: a cursor ({@link #top()}) moving down the content area
 * between the margins, a new page when the next block does not fit, and each page's footer written
 * once all pages are there.
 */
final class ReportPages extends PdfCanvas {

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MARGIN = 42;
    /** Where content ends; the footer lies below. */
    private static final float BOTTOM = A4.getHeight() - 58;

    private float top;
    private boolean started;

    ReportPages(PDDocument document) {
        super(document, A4);
    }

    float left() {
        return MARGIN;
    }

    float contentWidth() {
        return width() - 2 * MARGIN;
    }

    /** Where the next block starts. */
    float top() {
        return top;
    }

    void moveDown(float by) {
        top += by;
    }

    @Override
    public void newPage() throws IOException {
        super.newPage();
        started = true;
        top = MARGIN;
    }

    /**
     * Starts a new page unless a block of {@code height} fits below the cursor (or the page is still
     * empty: a block taller than a page starts at the top of one); says whether it did.
     */
    boolean makeRoom(float height) throws IOException {
        if (started && (top + height <= BOTTOM || top == MARGIN)) {
            return false;
        }
        newPage();
        return true;
    }

    /** Every page's footer: {@code title} at the left, "第 n 页 / 共 m 页" at the right. */
    void footers(String title, Color color, Color rule) throws IOException {
        int count = pageCount();
        float y = BOTTOM + 24;
        for (int index = 0; index < count; index++) {
            drawOnPage(index);
            line(MARGIN, y - 6, MARGIN + contentWidth(), y - 6, 0.5f, rule);
            String number = "第 " + (index + 1) + " 页 / 共 " + count + " 页";
            textRight(MARGIN + contentWidth(), y, 8, color, false, number);
            text(MARGIN, y, 8, color, false, fit(title, contentWidth() - widthOf(number, 8) - 24, 8));
        }
        close();
    }
}

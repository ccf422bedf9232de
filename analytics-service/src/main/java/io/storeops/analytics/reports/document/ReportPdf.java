package io.storeops.analytics.reports.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A {@link ReportDocument} as an A4 portrait PDF: the title and subtitle at the top of the first
 * page, then each section under its heading — key figures as a grid of boxes, tables over as many
 * pages as they need (headings repeated, long cells wrapped then cut with an ellipsis), charts as
 * images the page's width (drawn by {@link ReportCharts} at twice the resolution for print) — and
 * "第 n 页 / 共 m 页" in every page's footer. All text is in platform's Chinese font, embedded as a
 * subset of the characters used. A section never starts at the foot of a page without its first
 * row, figures or chart.
 */
public final class ReportPdf {

    private static final Color INK = new Color(0x1F2933);
    private static final Color MUTED = new Color(0x616E7C);
    private static final Color LINE = new Color(0xD5DBE3);
    private static final Color BOX = new Color(0xF4F6F9);
    private static final Color HEADER_ROW = new Color(0xE6EAF0);
    private static final Color STRIPE = new Color(0xF8F9FB);

    private static final float TITLE = 18;
    private static final float SUBTITLE = 10;
    private static final float HEADING = 12;
    private static final float SECTION_GAP = 16;
    private static final float HEADING_ROOM = HEADING * 1.3f + 6;

    private static final int TILE_COLUMNS = 4;
    private static final float TILE_GAP = 8;
    private static final float TILE_PAD = 8;
    private static final float TILE_LABEL = 8.5f;
    private static final float TILE_VALUE = 16;
    private static final float TILE_SMALLEST_VALUE = 10;
    private static final float TILE_NOTE = 7.5f;

    private static final float CELL = 8.5f;
    private static final float CELL_LINE = CELL * 1.3f;
    private static final float CELL_PAD = 4;
    private static final int CELL_LINES = 3;
    private static final float NARROWEST_COLUMN = 28;
    /** An amount, count or rate as reports print them: ¥12,345.00, -3.5 %, 1.2万, 3.70x. */
    private static final Pattern NUMBER =
            Pattern.compile("[+\\-−]?[¥$€£]?\\s?[+\\-−]?[0-9][0-9,]*(\\.[0-9]+)?\\s?(%|‰|pp|x|×|元|万|亿|件|单)?");

    /** Charts are half as high as they are wide. */
    private static final float CHART_ASPECT = 0.5f;

    private static final int CHART_SCALE = 2;

    private ReportPdf() {}

    public static byte[] render(ReportDocument report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            render(report, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /** Writes the PDF to {@code out}, which stays open. */
    public static void render(ReportDocument report, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(report.title());
            document.getDocumentInformation().setCreator("StoreOps");
            document.getDocumentCatalog().setLanguage("zh-CN");
            try (ReportPages pages = new ReportPages(document)) {
                pages.newPage();
                title(pages, report);
                for (Section section : report.sections()) {
                    pages.moveDown(SECTION_GAP);
                    if (section instanceof Tiles tiles) {
                        tiles(pages, tiles);
                    } else if (section instanceof Table table) {
                        table(pages, table);
                    } else {
                        chart(pages, (Chart) section);
                    }
                }
                pages.footers(report.title(), MUTED, LINE);
            }
            document.save(out);
        }
    }

    private static void title(ReportPages pages, ReportDocument report) throws IOException {
        for (String line : pages.wrap(report.title(), pages.contentWidth(), TITLE, 2)) {
            pages.text(pages.left(), pages.top(), TITLE, INK, true, line);
            pages.moveDown(TITLE * 1.3f);
        }
        if (report.subtitle() != null) {
            pages.moveDown(2);
            for (String line : pages.wrap(report.subtitle(), pages.contentWidth(), SUBTITLE, 3)) {
                pages.text(pages.left(), pages.top(), SUBTITLE, MUTED, false, line);
                pages.moveDown(SUBTITLE * 1.35f);
            }
        }
        pages.moveDown(4);
        pages.line(pages.left(), pages.top(), pages.left() + pages.contentWidth(), pages.top(), 0.8f, INK);
    }

    /** The section's heading (if it has one) on the page where its first {@code firstBlock} points fit. */
    private static void heading(ReportPages pages, String heading, float firstBlock) throws IOException {
        if (heading == null) {
            pages.makeRoom(firstBlock);
            return;
        }
        pages.makeRoom(HEADING_ROOM + firstBlock);
        pages.text(pages.left(), pages.top(), HEADING, INK, true, pages.fit(heading, pages.contentWidth(), HEADING));
        pages.moveDown(HEADING_ROOM);
    }

    private static void tiles(ReportPages pages, Tiles section) throws IOException {
        List<Tile> tiles = section.tiles();
        int columns = Math.max(1, Math.min(TILE_COLUMNS, tiles.size()));
        float width = (pages.contentWidth() - TILE_GAP * (columns - 1)) / columns;
        float inner = width - 2 * TILE_PAD;
        int noteLines = 0;
        boolean changes = false;
        for (Tile tile : tiles) {
            changes |= tile.change() != null;
            if (tile.note() != null) {
                noteLines = Math.max(
                        noteLines, pages.wrap(tile.note(), inner, TILE_NOTE, 2).size());
            }
        }
        float height = TILE_PAD
                + TILE_LABEL * 1.4f
                + TILE_VALUE * 1.3f
                + (changes ? TILE_LABEL * 1.4f : 0)
                + noteLines * TILE_NOTE * 1.3f
                + TILE_PAD;
        heading(pages, section.heading(), height);
        for (int first = 0; first < tiles.size(); first += columns) {
            if (first > 0) {
                pages.moveDown(TILE_GAP);
                pages.makeRoom(height);
            }
            for (int column = 0; column < columns && first + column < tiles.size(); column++) {
                float x = pages.left() + column * (width + TILE_GAP);
                tile(pages, tiles.get(first + column), x, pages.top(), width, height);
            }
            pages.moveDown(height);
        }
    }

    private static void tile(ReportPages pages, Tile tile, float x, float y, float width, float height)
            throws IOException {
        pages.fill(x, y, width, height, BOX);
        pages.box(x, y, width, height, LINE);
        float left = x + TILE_PAD;
        float inner = width - 2 * TILE_PAD;
        float line = y + TILE_PAD;
        pages.text(left, line, TILE_LABEL, MUTED, false, pages.fit(tile.label(), inner, TILE_LABEL));
        line += TILE_LABEL * 1.4f;
        float size = TILE_VALUE;
        while (size > TILE_SMALLEST_VALUE && pages.widthOf(tile.value(), size) > inner) {
            size -= 1;
        }
        pages.text(left, line + (TILE_VALUE - size), size, INK, true, pages.fit(tile.value(), inner, size));
        line += TILE_VALUE * 1.3f;
        if (tile.change() != null) {
            pages.text(left, line, TILE_LABEL, INK, false, pages.fit(tile.change(), inner, TILE_LABEL));
            line += TILE_LABEL * 1.4f;
        }
        if (tile.note() != null) {
            for (String note : pages.wrap(tile.note(), inner, TILE_NOTE, 2)) {
                pages.text(left, line, TILE_NOTE, MUTED, false, note);
                line += TILE_NOTE * 1.3f;
            }
        }
    }

    private static void table(ReportPages pages, Table table) throws IOException {
        float[] widths = columnWidths(pages, table);
        boolean[] numeric = numericColumns(table);
        List<List<String>> header = cellLines(pages, table.headings(), widths, 2);
        List<List<List<String>>> rows = new ArrayList<>(table.rows().size());
        for (List<String> row : table.rows()) {
            rows.add(cellLines(pages, row, widths, CELL_LINES));
        }
        float firstRow = rows.isEmpty() ? CELL_LINE + 2 * CELL_PAD : rowHeight(rows.get(0));
        heading(pages, table.heading(), rowHeight(header) + firstRow);
        row(pages, header, widths, numeric, HEADER_ROW, true);
        if (rows.isEmpty()) {
            pages.text(pages.left() + CELL_PAD, pages.top() + CELL_PAD, CELL, MUTED, false, "（无数据 No data）");
            pages.moveDown(CELL_LINE + 2 * CELL_PAD);
            return;
        }
        for (int index = 0; index < rows.size(); index++) {
            List<List<String>> cells = rows.get(index);
            if (pages.makeRoom(rowHeight(cells))) {
                if (table.heading() != null) {
                    pages.text(pages.left(), pages.top(), 9, MUTED, false, table.heading() + "（续 continued）");
                    pages.moveDown(9 * 1.3f + 4);
                }
                row(pages, header, widths, numeric, HEADER_ROW, true);
            }
            row(pages, cells, widths, numeric, index % 2 == 1 ? STRIPE : null, false);
        }
    }

    private static void row(
            ReportPages pages, List<List<String>> cells, float[] widths, boolean[] numeric, Color fill, boolean bold)
            throws IOException {
        float height = rowHeight(cells);
        float total = 0;
        for (float width : widths) {
            total += width;
        }
        if (fill != null) {
            pages.fill(pages.left(), pages.top(), total, height, fill);
        }
        float x = pages.left();
        for (int column = 0; column < widths.length; column++) {
            float y = pages.top() + CELL_PAD;
            for (String line : cells.get(column)) {
                if (numeric[column]) {
                    pages.textRight(x + widths[column] - CELL_PAD, y, CELL, INK, bold, line);
                } else {
                    pages.text(x + CELL_PAD, y, CELL, INK, bold, line);
                }
                y += CELL_LINE;
            }
            x += widths[column];
        }
        pages.line(pages.left(), pages.top() + height, pages.left() + total, pages.top() + height, 0.5f, LINE);
        pages.moveDown(height);
    }

    private static float rowHeight(List<List<String>> cells) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines * CELL_LINE + 2 * CELL_PAD;
    }

    /** Each column's cell as the lines it prints in (a short row's missing cells empty). */
    private static List<List<String>> cellLines(ReportPages pages, List<String> row, float[] widths, int maxLines)
            throws IOException {
        List<List<String>> cells = new ArrayList<>(widths.length);
        for (int column = 0; column < widths.length; column++) {
            String text = column < row.size() && row.get(column) != null ? row.get(column) : "";
            cells.add(
                    text.isEmpty()
                            ? Collections.emptyList()
                            : pages.wrap(text, widths[column] - 2 * CELL_PAD, CELL, maxLines));
        }
        return cells;
    }

    /**
     * Each column as wide as its widest cell when the table fits the page (all widened alike to
     * fill it); otherwise the narrow columns keep their width and the wide ones share what is left
     * equally, their cells wrapping.
     */
    private static float[] columnWidths(ReportPages pages, Table table) throws IOException {
        int count = table.headings().size();
        float[] natural = new float[count];
        for (int column = 0; column < count; column++) {
            natural[column] = pages.widthOf(table.headings().get(column), CELL) * 1.05f;
        }
        for (List<String> row : table.rows()) {
            for (int column = 0; column < row.size(); column++) {
                if (row.get(column) != null) {
                    natural[column] = Math.max(natural[column], pages.widthOf(row.get(column), CELL));
                }
            }
        }
        float sum = 0;
        for (int column = 0; column < count; column++) {
            natural[column] = Math.max(NARROWEST_COLUMN, natural[column] + 2 * CELL_PAD);
            sum += natural[column];
        }
        float[] widths = new float[count];
        if (sum <= pages.contentWidth()) {
            for (int column = 0; column < count; column++) {
                widths[column] = natural[column] * pages.contentWidth() / sum;
            }
            return widths;
        }
        float left = pages.contentWidth();
        List<Integer> open = new ArrayList<>();
        for (int column = 0; column < count; column++) {
            open.add(column);
        }
        boolean settled;
        do {
            settled = true;
            float share = left / open.size();
            for (int index = open.size() - 1; index >= 0; index--) {
                int column = open.get(index);
                if (natural[column] <= share) {
                    widths[column] = natural[column];
                    left -= natural[column];
                    open.remove(index);
                    settled = false;
                }
            }
        } while (!settled && !open.isEmpty());
        for (int column : open) {
            widths[column] = left / open.size();
        }
        return widths;
    }

    /** Columns whose cells (at least one) are all numbers, right-aligned with their heading. */
    private static boolean[] numericColumns(Table table) {
        boolean[] numeric = new boolean[table.headings().size()];
        boolean[] seen = new boolean[numeric.length];
        Arrays.fill(numeric, true);
        for (List<String> row : table.rows()) {
            for (int column = 0; column < row.size(); column++) {
                String cell = row.get(column);
                if (cell != null && !cell.isBlank()) {
                    seen[column] = true;
                    numeric[column] &= NUMBER.matcher(cell.strip()).matches();
                }
            }
        }
        for (int column = 0; column < numeric.length; column++) {
            numeric[column] &= seen[column];
        }
        return numeric;
    }

    private static void chart(ReportPages pages, Chart chart) throws IOException {
        float width = pages.contentWidth();
        float height = width * CHART_ASPECT;
        heading(pages, chart.heading(), height);
        pages.image(
                ReportCharts.image(chart, Math.round(width), Math.round(height), CHART_SCALE, false),
                pages.left(),
                pages.top(),
                width,
                height);
        pages.moveDown(height);
    }
}

package io.storeops.platform.sheets;

import java.util.List;
import java.util.Locale;

/**
 * Takes the rows of a table file (CSV or the first sheet of an XLSX workbook) in file order, as
 * {@link TableFile} reads them; and what every such table tells apart the same way: blank rows,
 * totals lines, text that did not decode, a row's cells as one CSV line.
 */
public interface TableRows {

    /** Title lines allowed before the header row. */
    int HEADER_SEARCH_ROWS = 30;

    /** The next row of the file, starting on the 1-based line (CSV) or being the 1-based row (XLSX). */
    void row(long line, List<String> cells) throws FileRefused;

    /** Whether a row looks like the table's header (to tell a CSV file's separator from its first lines). */
    boolean looksLikeHeader(List<String> cells);

    static boolean allBlank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** No replacement character (undecodable bytes) nor control characters other than tab and line ends. */
    static boolean readableText(List<String> cells) {
        for (String cell : cells) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The refusal of a CSV file whose header area does not decode. */
    static FileRefused notText(long line) {
        return new FileRefused(
                FileRefused.Kind.NOT_TEXT,
                "The file is not a readable CSV text (UTF-8, UTF-16 or GB18030/GBK) nor an XLSX workbook"
                        + " (undecodable or control characters on line " + line + ").",
                "文件不是可读的 CSV 文本（UTF-8、UTF-16 或 GB18030/GBK）或 XLSX 工作簿（第" + line + "行有无法解码的字符）。");
    }

    /** 合计/汇总/总计 and "Total: Account" / "Totals" lines, by their first non-blank cell. */
    static boolean totalsLine(List<String> cells) {
        for (String cell : cells) {
            String t = cell.strip();
            if (!t.isEmpty()) {
                String lower = t.toLowerCase(Locale.ROOT);
                return lower.equals("合计")
                        || lower.equals("汇总")
                        || lower.equals("总计")
                        || lower.equals("total")
                        || lower.equals("totals")
                        || lower.startsWith("total:")
                        || lower.startsWith("合计:")
                        || lower.startsWith("合计：")
                        || lower.startsWith("汇总:")
                        || lower.startsWith("汇总：")
                        || lower.startsWith("总计:")
                        || lower.startsWith("总计：");
            }
        }
        return false;
    }

    /**
     * Why a data row's cells do not fit a header of {@code width} columns (more non-blank cells, or
     * fewer cells in a CSV row), or which column holds undecodable bytes; null when they fit.
     *
     * @param headers the header's columns as written
     * @param encoding the CSV text's charset; null for a workbook (trailing empty cells missing, no bytes to decode)
     */
    static Misfit misfit(List<String> cells, List<String> headers, String encoding) {
        int width = headers.size();
        boolean workbook = encoding == null;
        String wrongWidth = "the row has " + cells.size() + " cells where the header has " + width;
        if (cells.size() < width && !workbook) {
            return new Misfit(null, wrongWidth);
        }
        for (int i = width; i < cells.size(); i++) {
            if (!CellValues.blank(cells.get(i))) {
                return new Misfit(null, wrongWidth);
            }
        }
        if (!workbook) {
            for (int i = 0; i < Math.min(width, cells.size()); i++) {
                if (cells.get(i).indexOf('\uFFFD') >= 0) {
                    return new Misfit(headers.get(i), "holds bytes that are not valid " + encoding);
                }
            }
        }
        return null;
    }

    /** A row that does not fit its header: the column at fault (null for the whole row) and why. */
    record Misfit(String column, String reason) {}

    /** The row's cells as one CSV line, for a refused-rows report. */
    static String content(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0
                    || cell.indexOf('"') >= 0
                    || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.toString();
    }
}

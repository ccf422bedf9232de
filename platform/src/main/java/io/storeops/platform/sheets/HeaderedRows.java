package io.storeops.platform.sheets;

import java.util.List;

/**
 * The rows of a table file with title lines above its header: finds the header among the first
 * {@value TableRows#HEADER_SEARCH_ROWS} rows, skips blank rows and totals lines, and gives the data
 * rows to the subclass in file order.
 */
public abstract class HeaderedRows implements TableRows {

    protected final TableFile.Format format;
    private boolean headerRead;
    private int rowsBeforeHeader;
    private List<String> candidate;
    private long candidateLine;
    private long totals;

    protected HeaderedRows(TableFile.Format format) {
        this.format = format;
    }

    /** Whether the row is the header (it holds the columns that must be there). */
    protected abstract boolean isHeader(List<String> cells);

    /** Reads the header row; refuses the file when its columns are wrong. */
    protected abstract void header(long line, List<String> cells) throws FileRefused;

    /** A data row. */
    protected abstract void data(long line, List<String> cells) throws FileRefused;

    /**
     * The refusal when no row is the header: {@code candidate}, the first row that looks like one
     * (null when none does), says what it lacks.
     */
    protected abstract FileRefused noHeader(long candidateLine, List<String> candidate);

    @Override
    public final void row(long line, List<String> cells) throws FileRefused {
        if (TableRows.allBlank(cells)) {
            return;
        }
        if (headerRead) {
            if (TableRows.totalsLine(cells)) {
                totals++;
            } else {
                data(line, cells);
            }
            return;
        }
        if (!format.workbook() && !TableRows.readableText(cells)) {
            throw TableRows.notText(line);
        }
        if (isHeader(cells)) {
            header(line, cells);
            headerRead = true;
            return;
        }
        if (candidate == null && looksLikeHeader(cells)) {
            candidate = cells;
            candidateLine = line;
        }
        if (++rowsBeforeHeader >= HEADER_SEARCH_ROWS) {
            throw noHeader(candidateLine, candidate);
        }
    }

    /** The file is read to its end: refused when it had no header. */
    protected final void finished() throws FileRefused {
        if (!headerRead) {
            if (rowsBeforeHeader == 0) {
                throw FileRefused.empty();
            }
            throw noHeader(candidateLine, candidate);
        }
    }

    /** Totals lines skipped. */
    protected final long totals() {
        return totals;
    }
}

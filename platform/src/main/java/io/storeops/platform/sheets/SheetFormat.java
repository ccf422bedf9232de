package io.storeops.platform.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The files {@link SheetTable}s are written as, for a download or a shared folder: an Excel
 * workbook of every table, or the first table as CSV.
 */
public enum SheetFormat {
    /**
     * An Excel workbook: every table on its own sheet, named as the table, in the list's order.
     * Headings bold and frozen in place while scrolling; decimals and counts numeric (so they add
     * up), decimals at their scale; times as Excel times; columns about as wide as their text. Rows
     * go to a temporary file as they are written, so tens of thousands of lines take little memory.
     */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    /**
     * The first table only, as CSV: one heading line and a line per line, so that the file sorts,
     * filters and imports as one table (a pivot table gives what further tables, such as totals,
     * would; the workbook carries them on further sheets). UTF-8 with a byte order mark, so that
     * Excel opens Chinese readable; RFC 4180 quoting; times as {@code yyyy-MM-dd HH:mm:ss}; decimals
     * as plain numbers at their scale. A text cell a spreadsheet would run as a formula (=, +, -, @)
     * starts with an apostrophe: text may be typed by buyers.
     */
    CSV("csv", "text/csv;charset=UTF-8");

    private final String extension;
    private final String mediaType;

    SheetFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format a request names by its extension, in any case; none for an unknown or missing name. */
    public static Optional<SheetFormat> named(String name) {
        return Arrays.stream(values())
                .filter(format -> format.extension.equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    /** The file name's extension, without its dot: {@code xlsx}, {@code csv}. */
    public String extension() {
        return extension;
    }

    /** The content type of a download. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Writes the tables to {@code out}, which stays open: XLSX every table, CSV the first only.
     *
     * @throws IllegalArgumentException when there is no table, or (XLSX) two tables share a name
     */
    public void write(List<SheetTable> tables, OutputStream out) throws IOException {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("A sheet file needs at least one table.");
        }
        switch (this) {
            case XLSX -> XlsxSheet.write(tables, out);
            case CSV -> CsvSheet.write(tables.get(0), out);
        }
    }
}

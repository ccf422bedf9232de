package io.storeops.refund.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;

/** The files a refund sheet is written as. */
public enum SheetFormat {
    /** An Excel workbook: the cases, and the totals per reason on a second sheet. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    /** The cases as one CSV table, UTF-8 with a byte order mark. */
    CSV("csv", "text/csv;charset=UTF-8");

    private final String extension;
    private final String mediaType;

    SheetFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format a request names by its extension, in any case. */
    public static Optional<SheetFormat> named(String name) {
        return Arrays.stream(values())
                .filter(format -> format.extension.equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Writes the sheet to {@code out}, which stays open. */
    public void write(RefundSheet sheet, OutputStream out) throws IOException {
        switch (this) {
            case XLSX -> XlsxSheet.write(sheet, out);
            case CSV -> CsvSheet.write(sheet, out);
        }
    }
}

package io.storeops.platform.sheets;

/**
 * A row of a table file that was not kept, for the refused-rows answer or download.
 *
 * @param line the 1-based line of the file where the row starts (CSV), or its 1-based row number (XLSX)
 * @param column the column as written in the file's header, or null when the row as a whole is wrong
 *     (too many or too few cells)
 * @param reason why, in English
 * @param content the row's raw cells joined as one CSV line (comma separated, quoted where needed)
 */
public record RefusedRow(long line, String column, String reason, String content) {}

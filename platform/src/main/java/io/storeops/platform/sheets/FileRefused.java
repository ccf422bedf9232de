package io.storeops.platform.sheets;

/**
 * A file as a whole cannot be read as the table it should be; {@link #getMessage()} says why in
 * English, {@link #chinese()} in Chinese, and {@link #column()} names the header at fault, if any.
 * Whoever reads the file keeps nothing of it.
 */
public class FileRefused extends Exception {

    /** The kinds of refusal, for an API problem type. */
    public enum Kind {
        /** No bytes, or nothing but blank lines. */
        EMPTY,
        /** Not text in UTF-8, UTF-16 or GB18030 (a binary file, or undecodable bytes in the header area). */
        NOT_TEXT,
        /** An old .xls workbook, a password-protected or broken workbook, or a CSV whose quoting is broken. */
        UNREADABLE,
        /** No row looks like the header. */
        NO_HEADER,
        /** A row looks like the header but lacks a column that must be there ({@link #column()} names it). */
        MISSING_COLUMN,
        /** A header column that is neither read nor known to be ignored. */
        UNKNOWN_COLUMN,
        /** The same column twice, or two columns that give the same value. */
        DUPLICATE_COLUMN,
        /** The header has no date (or month) column. */
        NO_DATE_COLUMN,
        /** The header has no metric column. */
        NO_METRIC_COLUMN,
        /** Rows that cannot be kept, where one refused row refuses the file. */
        REFUSED_ROWS,
        /** More rows than the reader takes in one file. */
        TOO_MANY_ROWS
    }

    private final Kind kind;
    private final String chinese;
    private final String column;

    public FileRefused(Kind kind, String english, String chinese, String column) {
        super(english);
        this.kind = kind;
        this.chinese = chinese;
        this.column = column;
    }

    public FileRefused(Kind kind, String english, String chinese) {
        this(kind, english, chinese, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The same message in Chinese, for sellers of Taobao/Tmall stores. */
    public String chinese() {
        return chinese;
    }

    /** The header column at fault as written in the file (a missing one as the reader names it), or null. */
    public String column() {
        return column;
    }

    /** Two header columns that give the same value. */
    public static FileRefused duplicateColumns(long line, String first, String second) {
        return new FileRefused(
                Kind.DUPLICATE_COLUMN,
                "The columns \"" + first + "\" and \"" + second + "\" in the header (line " + line
                        + ") give the same value; keep one of them.",
                "表头（第" + line + "行）中的列“" + first + "”和“" + second + "”含义相同，请只保留一列。",
                second);
    }

    public static FileRefused empty() {
        return new FileRefused(Kind.EMPTY, "The file is empty.", "文件是空的。");
    }
}

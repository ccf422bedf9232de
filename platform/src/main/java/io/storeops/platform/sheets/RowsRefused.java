package io.storeops.platform.sheets;

import java.util.List;

/** A file refused for its rows, where one refused row refuses the file: each named (line, column, reason). */
public final class RowsRefused extends FileRefused {

    private final transient List<RefusedRow> rows;

    public RowsRefused(List<RefusedRow> rows) {
        super(
                Kind.REFUSED_ROWS,
                rows.size() + (rows.size() == 1 ? " row" : " rows")
                        + " cannot be kept (see errors: line, column, reason); nothing of the file was imported.",
                rows.size() + "行无法导入（见 errors：行号、列、原因）；文件未导入任何内容。");
        this.rows = List.copyOf(rows);
    }

    public List<RefusedRow> rows() {
        return rows;
    }
}

package io.storeops.analytics.costs;

import io.storeops.analytics.rates.Rates;
import io.storeops.platform.sheets.CellValues;
import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.FileRefused.Kind;
import io.storeops.platform.sheets.HeaderedRows;
import io.storeops.platform.sheets.Headers;
import io.storeops.platform.sheets.RefusedRow;
import io.storeops.platform.sheets.RowsRefused;
import io.storeops.platform.sheets.TableFile;
import io.storeops.platform.sheets.TableRows;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a cost ledger file (CSV or XLSX): columns 月份/Month, 类别/Category, 金额/Amount (in 元, or the
 * store's currency, with its decimals at most) and optionally 说明/Note. Costs are few and must be
 * exact: a row that cannot be read refuses the whole file, every such row named.
 */
public final class CostFile {

    /** A cost read from a file, on its line. */
    public record Row(long line, YearMonth month, CostCategory category, long amountMinor, String note) {}

    enum Field {
        MONTH,
        CATEGORY,
        AMOUNT,
        NOTE
    }

    private static final Map<String, Field> KNOWN = new HashMap<>();
    private static final Pattern MONTH =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?(?:\\s*[-/.]\\s*\\d{1,2}\\s*日?)?(?:[ T].*)?");
    private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern UNIT = Pattern.compile("(.+)\\((元|[a-z]{3})\\)");

    static {
        known(Field.MONTH, "月份", "月", "Month");
        known(Field.CATEGORY, "类别", "类型", "费用类别", "成本类别", "Category", "Type");
        known(Field.AMOUNT, "金额", "费用", "Amount", "Cost");
        known(Field.NOTE, "说明", "备注", "Note", "Notes", "Description");
    }

    private static void known(Field field, String... headers) {
        for (String header : headers) {
            KNOWN.put(Headers.key(header), field);
        }
    }

    private CostFile() {}

    /**
     * @param fractionDigits the decimals of the store's currency (2 for CNY and USD)
     * @throws FileRefused when the file cannot be read, lacks a column, has an unknown one, has no
     *     rows, or has a row that cannot be kept ({@link RowsRefused}, naming them all)
     */
    public static List<Row> read(Path file, int fractionDigits) throws FileRefused, IOException {
        return TableFile.read(file, format -> new Table(format, fractionDigits), null)
                .finish();
    }

    private static Field lookup(String header) {
        String key = Headers.key(header);
        Field field = KNOWN.get(key);
        if (field == null) {
            Matcher unit = UNIT.matcher(key);
            if (unit.matches()) {
                field = KNOWN.get(unit.group(1));
            }
        }
        return field;
    }

    static YearMonth month(String cell, boolean workbook) throws CellValues.Unreadable {
        String t = cell.strip();
        if (CellValues.blank(t)) {
            throw new CellValues.Unreadable("the month is missing");
        }
        try {
            Matcher month = MONTH.matcher(t);
            if (month.matches()) {
                return YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
            }
            Matcher compact = COMPACT_MONTH.matcher(t);
            if (compact.matches()) {
                return YearMonth.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)));
            }
            LocalDate day = CellValues.day(t, workbook);
            return YearMonth.from(day);
        } catch (DateTimeException | NumberFormatException | CellValues.Unreadable notAMonth) {
            throw new CellValues.Unreadable("\"" + t + "\" is not a month (such as 2026-09 or 2026年9月)");
        }
    }

    private static final class Table extends HeaderedRows {
        private final int fractionDigits;
        private final Map<Field, Integer> columns = new EnumMap<>(Field.class);
        private final List<Row> rows = new ArrayList<>();
        private final List<RefusedRow> refused = new ArrayList<>();
        private List<String> headers;

        Table(TableFile.Format format, int fractionDigits) {
            super(format);
            this.fractionDigits = fractionDigits;
        }

        @Override
        public boolean looksLikeHeader(List<String> cells) {
            return cells.stream().filter(cell -> lookup(cell) != null).count() >= 2;
        }

        @Override
        protected boolean isHeader(List<String> cells) {
            List<Field> fields = cells.stream().map(CostFile::lookup).toList();
            return fields.contains(Field.MONTH) && fields.contains(Field.CATEGORY) && fields.contains(Field.AMOUNT);
        }

        @Override
        protected void header(long line, List<String> cells) throws FileRefused {
            headers = cells.stream().map(Headers::written).toList();
            for (int i = 0; i < headers.size(); i++) {
                String header = headers.get(i);
                if (header.isEmpty()) {
                    continue;
                }
                Field field = lookup(header);
                if (field == null) {
                    throw new FileRefused(
                            Kind.UNKNOWN_COLUMN,
                            "Unknown column \"" + header + "\" in the header (line " + line
                                    + "). Columns read: 月份/Month," + " 类别/Category, 金额/Amount (元), 说明/Note.",
                            "表头（第" + line + "行）中有无法识别的列：“" + header + "”。可读取的列：月份、类别、金额（元）、说明。",
                            header);
                }
                Integer first = columns.putIfAbsent(field, i);
                if (first != null) {
                    throw FileRefused.duplicateColumns(line, headers.get(first), header);
                }
            }
        }

        @Override
        protected void data(long line, List<String> cells) {
            TableRows.Misfit misfit = TableRows.misfit(cells, headers, format.encoding());
            if (misfit != null) {
                refuse(line, cells, misfit.column(), misfit.reason());
                return;
            }
            int refusedBefore = refused.size();
            YearMonth month = null;
            CostCategory category = null;
            long amount = 0;
            try {
                month = month(cell(cells, Field.MONTH), format.workbook());
            } catch (CellValues.Unreadable unreadable) {
                refuse(line, cells, header(Field.MONTH), unreadable.getMessage());
            }
            try {
                category = CostCategory.named(CellValues.text(cell(cells, Field.CATEGORY)));
            } catch (IllegalArgumentException unknown) {
                refuse(line, cells, header(Field.CATEGORY), unknown.getMessage());
            }
            try {
                amount = CellValues.money(cell(cells, Field.AMOUNT), fractionDigits, false);
                if (amount <= 0 || Rates.outOfRange(amount) != null) {
                    refuse(
                            line,
                            cells,
                            header(Field.AMOUNT),
                            "the amount must be above 0 and at most " + Rates.LARGEST);
                }
            } catch (CellValues.Unreadable unreadable) {
                refuse(line, cells, header(Field.AMOUNT), unreadable.getMessage());
            }
            if (refused.size() == refusedBefore) {
                rows.add(new Row(line, month, category, amount, CellValues.text(cell(cells, Field.NOTE))));
            }
        }

        @Override
        protected FileRefused noHeader(long candidateLine, List<String> candidate) {
            return new FileRefused(
                    Kind.NO_HEADER,
                    "No header row with 月份/Month, 类别/Category and 金额/Amount found in the first "
                            + HEADER_SEARCH_ROWS + " lines"
                            + (candidate == null ? "." : " (line " + candidateLine + " lacks one of them)."),
                    "在前" + HEADER_SEARCH_ROWS + "行中没有找到含“月份”“类别”“金额”的表头。");
        }

        List<Row> finish() throws FileRefused {
            finished();
            if (!refused.isEmpty()) {
                throw new RowsRefused(refused);
            }
            if (rows.isEmpty()) {
                throw new FileRefused(Kind.EMPTY, "The file has a header but no cost rows.", "文件只有表头，没有费用行。");
            }
            return List.copyOf(rows);
        }

        private String cell(List<String> cells, Field field) {
            Integer column = columns.get(field);
            return column == null || column >= cells.size() ? "" : cells.get(column);
        }

        private String header(Field field) {
            Integer column = columns.get(field);
            return column == null ? null : headers.get(column);
        }

        private void refuse(long line, List<String> cells, String column, String reason) {
            refused.add(new RefusedRow(line, column, reason, TableRows.content(cells)));
        }
    }
}

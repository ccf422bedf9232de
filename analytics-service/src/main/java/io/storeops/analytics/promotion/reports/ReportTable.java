package io.storeops.analytics.promotion.reports;

import io.storeops.platform.sheets.CellValues;
import io.storeops.platform.sheets.FileRefused.Kind;
import io.storeops.platform.sheets.RefusedRow;
import io.storeops.platform.sheets.TableFile;
import io.storeops.platform.sheets.TableRows;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a report file, pushed in file order by a CSV or XLSX reader: finds and checks the
 * header row, then turns each row into a {@link PpcRow} for the sink or refuses it with its line,
 * column and reason. Totals lines are skipped.
 */
final class ReportTable implements TableRows {

    private final LocalDate today;
    private final int fallbackFractionDigits;
    private final PpcRowSink sink;
    private final boolean workbook;
    private final String encoding;

    private ReportLayout layout;
    private int rowsBeforeHeader;
    private List<String> candidate;
    private long candidateLine;
    private long accepted;
    private long refused;
    private long totals;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private String lastDayText;
    private LocalDate lastDayValue;

    /**
     * @param fallbackFractionDigits the decimals of money when the report has no currency column
     * @param format whether rows come from an XLSX sheet (trailing empty cells are missing, days may be
     *     Excel day numbers, and there are no bytes to decode) or CSV text of which charset
     */
    ReportTable(LocalDate today, int fallbackFractionDigits, PpcRowSink sink, TableFile.Format format) {
        this.today = today;
        this.fallbackFractionDigits = fallbackFractionDigits;
        this.sink = sink;
        this.workbook = format.workbook();
        this.encoding = format.encoding();
    }

    @Override
    public boolean looksLikeHeader(List<String> cells) {
        return ReportLayout.looksLikeHeader(cells);
    }

    @Override
    public void row(long line, List<String> cells) throws ReportRefused {
        if (TableRows.allBlank(cells)) {
            return;
        }
        if (layout == null) {
            lookForHeader(line, cells);
        } else if (TableRows.totalsLine(cells)) {
            totals++;
        } else {
            try {
                PpcRow row = map(cells);
                accepted++;
                firstDay = firstDay == null || row.day().isBefore(firstDay) ? row.day() : firstDay;
                lastDay = lastDay == null || row.day().isAfter(lastDay) ? row.day() : lastDay;
                sink.accepted(row);
            } catch (Refusal refusal) {
                refused++;
                sink.refused(new RefusedRow(line, refusal.column, refusal.getMessage(), TableRows.content(cells)));
            }
        }
    }

    /** The file is read to its end. */
    ReportSummary finish() throws ReportRefused {
        if (layout == null) {
            if (rowsBeforeHeader == 0) {
                throw new ReportRefused(Kind.EMPTY, "The file is empty.", "文件是空的。");
            }
            throw noHeader();
        }
        return new ReportSummary(
                layout.source, layout.grain, layout.line, accepted, refused, totals, firstDay, lastDay);
    }

    private void lookForHeader(long line, List<String> cells) throws ReportRefused {
        if (!workbook && !TableRows.readableText(cells)) {
            throw ReportRefused.of(TableRows.notText(line));
        }
        if (ReportLayout.isHeader(cells)) {
            layout = ReportLayout.of(line, cells);
            sink.header(layout.source, layout.grain);
            return;
        }
        if (candidate == null && ReportLayout.looksLikeHeader(cells)) {
            candidate = cells;
            candidateLine = line;
        }
        if (++rowsBeforeHeader >= TableRows.HEADER_SEARCH_ROWS) {
            throw noHeader();
        }
    }

    /**
     * No row is the header: the first row that looks like one says what is wrong with it (no date
     * column, an unknown column...); else no header at all.
     */
    private ReportRefused noHeader() throws ReportRefused {
        if (candidate != null) {
            ReportLayout.of(candidateLine, candidate);
        }
        return new ReportRefused(
                Kind.NO_HEADER,
                "No header row found in the first " + TableRows.HEADER_SEARCH_ROWS
                        + " lines: expected a Taobao 直通车 report"
                        + " (日期, 展现量, 点击量, 花费...) or a Google Ads report (Day, Impr., Clicks, Cost...).",
                "在前" + TableRows.HEADER_SEARCH_ROWS
                        + "行中没有找到表头：应为直通车报表（日期、展现量、点击量、花费……）或 Google Ads 报表（Day、Impr.、Clicks、Cost……）。");
    }

    private PpcRow map(List<String> cells) throws Refusal {
        TableRows.Misfit misfit = TableRows.misfit(cells, layout.headers(), workbook ? null : encoding);
        if (misfit != null) {
            throw new Refusal(misfit.column(), misfit.reason());
        }
        Row row = new Row(cells);

        String currency = row.text(Field.CURRENCY);
        if (currency != null) {
            currency = currency.toUpperCase(Locale.ROOT);
            row.check(Field.CURRENCY, PpcChecks.currency(currency));
        }
        int digits = currency == null
                ? fallbackFractionDigits
                : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());

        LocalDate day = row.day();
        row.check(Field.DAY, PpcChecks.day(day, today));
        Integer hour = row.hour();
        row.check(Field.HOUR, PpcChecks.hour(hour));
        long impressions = row.count(Field.IMPRESSIONS);
        long clicks = row.count(Field.CLICKS);
        long spend = row.money(Field.SPEND, digits);
        long favourites = row.count(Field.FAVOURITES);
        long carts = row.count(Field.CARTS);
        long orders = layout.column(Field.ORDERS) >= 0
                ? row.count(Field.ORDERS)
                : row.sum(row.count(Field.ORDERS_DIRECT), row.count(Field.ORDERS_INDIRECT));
        long gmv = layout.column(Field.GMV_ALL) >= 0
                ? row.money(Field.GMV_ALL, digits)
                : layout.column(Field.GMV) >= 0
                        ? row.money(Field.GMV, digits)
                        : row.sum(row.money(Field.GMV_DIRECT, digits), row.money(Field.GMV_INDIRECT, digits));
        row.check(Field.CLICKS, PpcChecks.clicksWithinImpressions(clicks, impressions));

        return new PpcRow(
                day,
                row.text(Field.ACCOUNT),
                row.text(Field.CAMPAIGN),
                row.text(Field.ITEM_ID),
                row.text(Field.ITEM_TITLE),
                row.text(Field.KEYWORD),
                row.text(Field.REGION),
                row.text(Field.CITY),
                hour,
                impressions,
                clicks,
                spend,
                favourites,
                carts,
                orders,
                gmv,
                currency);
    }

    /** One data row's cells, read by field; every read value goes through the shared checks. */
    private final class Row {
        private final List<String> cells;

        Row(List<String> cells) {
            this.cells = cells;
        }

        private String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column);
        }

        String text(Field field) {
            return CellValues.text(cell(layout.column(field)));
        }

        LocalDate day() throws Refusal {
            String text = cell(layout.column(Field.DAY));
            if (text.equals(lastDayText)) {
                return lastDayValue;
            }
            try {
                LocalDate day = CellValues.day(text, workbook);
                lastDayText = text;
                lastDayValue = day;
                return day;
            } catch (CellValues.Unreadable unreadable) {
                throw refusal(Field.DAY, unreadable.getMessage());
            }
        }

        Integer hour() throws Refusal {
            try {
                return CellValues.hour(cell(layout.column(Field.HOUR)));
            } catch (CellValues.Unreadable unreadable) {
                throw refusal(Field.HOUR, unreadable.getMessage());
            }
        }

        /** A count, 0 without the column; Google's Conversions are rounded half up. */
        long count(Field field) throws Refusal {
            int column = layout.column(field);
            if (column < 0) {
                return 0;
            }
            try {
                long value = field == Field.ORDERS && layout.source == ReportSource.GOOGLE_ADS
                        ? CellValues.conversions(cell(column))
                        : CellValues.count(cell(column));
                check(field, PpcChecks.notNegative(value));
                return value;
            } catch (CellValues.Unreadable unreadable) {
                throw refusal(field, unreadable.getMessage());
            }
        }

        /** An amount in minor units, 0 without the column. */
        long money(Field field, int digits) throws Refusal {
            int column = layout.column(field);
            if (column < 0) {
                return 0;
            }
            try {
                long value = CellValues.money(cell(column), digits, layout.minorUnits(column));
                check(field, PpcChecks.notNegative(value));
                return value;
            } catch (CellValues.Unreadable unreadable) {
                throw refusal(field, unreadable.getMessage());
            }
        }

        long sum(long a, long b) throws Refusal {
            try {
                return Math.addExact(a, b);
            } catch (ArithmeticException overflow) {
                throw new Refusal(null, "the sum of direct and indirect values is too large");
            }
        }

        void check(Field field, String reason) throws Refusal {
            if (reason != null) {
                throw refusal(field, reason);
            }
        }

        private Refusal refusal(Field field, String reason) {
            int column = layout.column(field);
            return new Refusal(column < 0 ? null : layout.header(column), reason);
        }
    }

    /** A refused row's column (as written, or null for the whole row) and reason. */
    private static final class Refusal extends Exception {
        final String column;

        Refusal(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }
}

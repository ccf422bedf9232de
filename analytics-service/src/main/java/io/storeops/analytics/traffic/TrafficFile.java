package io.storeops.analytics.traffic;

import io.storeops.platform.sheets.CellValues;
import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.FileRefused.Kind;
import io.storeops.platform.sheets.HeaderedRows;
import io.storeops.platform.sheets.Headers;
import io.storeops.platform.sheets.RefusedRow;
import io.storeops.platform.sheets.TableFile;
import io.storeops.platform.sheets.TableRows;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a shop traffic export: 生意参谋/量子恒道 CSV (GB18030 or UTF-8, title lines before the header)
 * or XLSX, and Shopify analytics CSV. The columns read are the day, the item (id, title) when there is
 * one, visitors and page views; every other column (停留时长, 跳失率, 支付转化率, Sessions when the
 * visitors are given...) is computed from others or not kept, and is ignored and named in the
 * answer. Totals lines are skipped; a row that cannot be read is refused with its line, column and
 * reason, the others kept. Files are small (days × items): the rows are held.
 */
public final class TrafficFile {

    /** What a traffic file held. */
    public record Read(
            TrafficSource source,
            TrafficGrain grain,
            long headerLine,
            List<TrafficRow> rows,
            List<RefusedRow> refused,
            long totalsSkipped,
            List<String> columnsIgnored) {}

    enum Field {
        DAY,
        ITEM_ID,
        ITEM_TITLE,
        VISITORS,
        /** Shopify's sessions: the visitors when the export has no visitors column. */
        SESSIONS,
        PAGE_VIEWS
    }

    private record Known(TrafficSource source, Field field) {}

    private static final Map<String, Known> KNOWN = new HashMap<>();
    private static final Pattern UNIT = Pattern.compile("(.+)\\((人|次|个|秒|%|[a-z]+)\\)");

    static {
        known(TrafficSource.SYCM, Field.DAY, "统计日期", "日期", "数据日期", "时间");
        known(TrafficSource.SYCM, Field.ITEM_ID, "商品ID", "宝贝ID", "商品id", "宝贝id");
        known(TrafficSource.SYCM, Field.ITEM_TITLE, "商品名称", "宝贝名称", "商品标题", "宝贝标题");
        known(TrafficSource.SYCM, Field.VISITORS, "访客数", "UV", "商品访客数", "店铺访客数");
        known(TrafficSource.SYCM, Field.PAGE_VIEWS, "浏览量", "PV", "商品浏览量", "店铺浏览量");
        known(TrafficSource.SHOPIFY, Field.DAY, "Day", "Date");
        known(TrafficSource.SHOPIFY, Field.ITEM_ID, "Product ID", "Product id");
        known(TrafficSource.SHOPIFY, Field.ITEM_TITLE, "Product title", "Product");
        known(TrafficSource.SHOPIFY, Field.VISITORS, "Online store visitors", "Visitors", "Unique visitors");
        known(TrafficSource.SHOPIFY, Field.SESSIONS, "Sessions", "Online store sessions");
        known(TrafficSource.SHOPIFY, Field.PAGE_VIEWS, "Pageviews", "Page views", "Online store pageviews");
    }

    private static void known(TrafficSource source, Field field, String... headers) {
        for (String header : headers) {
            KNOWN.put(Headers.key(header), new Known(source, field));
        }
    }

    private TrafficFile() {}

    /**
     * @param today the store's local date: a row of a later day is refused
     * @throws FileRefused when the file as a whole cannot be read as a traffic export: empty, not
     *     text, broken, no header, no date or no visitors/page views column, a column twice
     */
    public static Read read(Path file, LocalDate today) throws FileRefused, IOException {
        return TableFile.read(file, format -> new Table(today, format), null).finish();
    }

    private static Known lookup(String header) {
        String key = Headers.key(header);
        Known known = KNOWN.get(key);
        if (known == null) {
            Matcher unit = UNIT.matcher(key);
            if (unit.matches()) {
                known = KNOWN.get(unit.group(1));
            }
        }
        return known;
    }

    static boolean isHeader(List<String> cells) {
        Set<Field> fields = fields(cells);
        return fields.contains(Field.DAY)
                && (fields.contains(Field.VISITORS)
                        || fields.contains(Field.SESSIONS)
                        || fields.contains(Field.PAGE_VIEWS));
    }

    private static Set<Field> fields(List<String> cells) {
        Set<Field> fields = new HashSet<>();
        cells.stream().map(TrafficFile::lookup).filter(k -> k != null).forEach(k -> fields.add(k.field()));
        return fields;
    }

    /** The rows of one file, in file order. */
    private static final class Table extends HeaderedRows {
        private final LocalDate today;
        private final List<TrafficRow> rows = new ArrayList<>();
        private final List<RefusedRow> refused = new ArrayList<>();
        private final Map<String, Long> lineOfKey = new HashMap<>();
        private final List<String> ignored = new ArrayList<>();
        private final Map<Field, Integer> columns = new EnumMap<>(Field.class);
        private List<String> headers;
        private long headerLine;
        private TrafficSource source;

        Table(LocalDate today, TableFile.Format format) {
            super(format);
            this.today = today;
        }

        @Override
        public boolean looksLikeHeader(List<String> cells) {
            return cells.stream().filter(cell -> lookup(cell) != null).count() >= 2;
        }

        @Override
        protected boolean isHeader(List<String> cells) {
            return TrafficFile.isHeader(cells);
        }

        @Override
        protected void data(long line, List<String> cells) {
            try {
                TrafficRow row = map(cells);
                String key = row.day() + "|" + (row.itemId() == null ? "" : row.itemId()) + "|"
                        + (row.itemId() == null && row.itemTitle() != null ? row.itemTitle() : "");
                Long before = lineOfKey.putIfAbsent(key, line);
                if (before != null) {
                    throw new Refusal(
                            null,
                            "the same " + (grain() == TrafficGrain.ITEM ? "day and item" : "day") + " as line " + before
                                    + ": a day is counted once");
                }
                rows.add(row);
            } catch (Refusal refusal) {
                refused.add(new RefusedRow(line, refusal.column, refusal.getMessage(), TableRows.content(cells)));
            }
        }

        Read finish() throws FileRefused {
            finished();
            return new Read(
                    source,
                    grain(),
                    headerLine,
                    List.copyOf(rows),
                    List.copyOf(refused),
                    totals(),
                    List.copyOf(ignored));
        }

        private TrafficGrain grain() {
            return columns.containsKey(Field.ITEM_ID) || columns.containsKey(Field.ITEM_TITLE)
                    ? TrafficGrain.ITEM
                    : TrafficGrain.STORE;
        }

        @Override
        protected void header(long line, List<String> cells) throws FileRefused {
            headers = cells.stream().map(Headers::written).toList();
            headerLine = line;
            Map<Field, String> named = new EnumMap<>(Field.class);
            for (int i = 0; i < headers.size(); i++) {
                String header = headers.get(i);
                Known known = header.isEmpty() ? null : lookup(header);
                if (known == null) {
                    if (!header.isEmpty()) {
                        ignored.add(header);
                    }
                    continue;
                }
                String twice = named.putIfAbsent(known.field(), header);
                if (twice != null) {
                    throw FileRefused.duplicateColumns(line, twice, header);
                }
                columns.put(known.field(), i);
                if (known.field() == Field.DAY) {
                    source = known.source();
                }
            }
            if (columns.containsKey(Field.VISITORS) && columns.containsKey(Field.SESSIONS)) {
                ignored.add(headers.get(columns.remove(Field.SESSIONS)));
            }
        }

        @Override
        protected FileRefused noHeader(long candidateLine, List<String> candidate) {
            if (candidate != null) {
                Set<Field> fields = fields(candidate);
                if (!fields.contains(Field.DAY)) {
                    return new FileRefused(
                            Kind.NO_DATE_COLUMN,
                            "The header (line " + candidateLine + ") has no date column (统计日期, 日期, Day):"
                                    + " download the traffic broken down by day.",
                            "表头（第" + candidateLine + "行）没有日期列（统计日期、日期）：请下载按天细分（分日）的数据。");
                }
                return new FileRefused(
                        Kind.NO_METRIC_COLUMN,
                        "The header (line " + candidateLine + ") has neither visitors (访客数, UV, Online store"
                                + " visitors, Sessions) nor page views (浏览量, PV, Pageviews).",
                        "表头（第" + candidateLine + "行）既没有访客数（UV）也没有浏览量（PV）列。");
            }
            return new FileRefused(
                    Kind.NO_HEADER,
                    "No header row found in the first " + HEADER_SEARCH_ROWS + " lines: expected a 生意参谋 export"
                            + " (统计日期, 访客数, 浏览量...) or a Shopify analytics export (Day, Online store visitors,"
                            + " Pageviews...).",
                    "在前" + HEADER_SEARCH_ROWS + "行中没有找到表头：应为生意参谋导出的数据（统计日期、访客数、浏览量……）。");
        }

        private TrafficRow map(List<String> cells) throws Refusal {
            TableRows.Misfit misfit = TableRows.misfit(cells, headers, format.encoding());
            if (misfit != null) {
                throw new Refusal(misfit.column(), misfit.reason());
            }
            LocalDate day;
            try {
                day = CellValues.day(cell(cells, Field.DAY), format.workbook());
            } catch (CellValues.Unreadable unreadable) {
                throw refusal(Field.DAY, unreadable.getMessage());
            }
            if (day.isAfter(today)) {
                throw refusal(Field.DAY, "the date " + day + " is after today (" + today + ")");
            }
            String itemId = CellValues.text(cell(cells, Field.ITEM_ID));
            String itemTitle = CellValues.text(cell(cells, Field.ITEM_TITLE));
            if (grain() == TrafficGrain.ITEM && itemId == null && itemTitle == null) {
                throw refusal(
                        columns.containsKey(Field.ITEM_ID) ? Field.ITEM_ID : Field.ITEM_TITLE, "the item is missing");
            }
            long visitors = count(cells, columns.containsKey(Field.VISITORS) ? Field.VISITORS : Field.SESSIONS);
            long pageViews = count(cells, Field.PAGE_VIEWS);
            return new TrafficRow(day, itemId, itemTitle, visitors, pageViews);
        }

        private String cell(List<String> cells, Field field) {
            Integer column = columns.get(field);
            return column == null || column >= cells.size() ? "" : cells.get(column);
        }

        private long count(List<String> cells, Field field) throws Refusal {
            if (!columns.containsKey(field)) {
                return 0;
            }
            try {
                long value = CellValues.count(cell(cells, field));
                if (value < 0) {
                    throw refusal(field, "must not be negative");
                }
                return value;
            } catch (CellValues.Unreadable unreadable) {
                throw refusal(field, unreadable.getMessage());
            }
        }

        private Refusal refusal(Field field, String reason) {
            Integer column = columns.get(field);
            return new Refusal(column == null ? null : headers.get(column), reason);
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

package io.storeops.analytics.promotion.reports;

import io.storeops.analytics.promotion.reports.Vocabulary.Known;
import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.FileRefused.Kind;
import io.storeops.platform.sheets.Headers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A report's accepted header row: who made it, its grain, and which column gives what. */
final class ReportLayout {

    final ReportSource source;
    final ReportGrain grain;
    final long line;
    private final List<String> headers;
    private final Field[] fields;
    private final boolean[] minorUnits;
    private final Map<Field, Integer> columns = new EnumMap<>(Field.class);

    private ReportLayout(ReportSource source, long line, List<String> headers, Field[] fields, boolean[] minorUnits) {
        this.source = source;
        this.line = line;
        this.headers = headers;
        this.fields = fields;
        this.minorUnits = minorUnits;
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != Field.IGNORED) {
                columns.put(fields[i], i);
            }
        }
        this.grain = ReportGrain.ofColumns(columns.keySet());
    }

    /** Whether a row is the header row: it holds a known date header and at least one known metric. */
    static boolean isHeader(List<String> cells) {
        boolean day = false;
        boolean metric = false;
        for (String cell : cells) {
            Known known = Vocabulary.lookup(cell);
            if (known != null) {
                day |= known.field() == Field.DAY;
                metric |= known.field().metric();
            }
        }
        return day && metric;
    }

    /**
     * Whether a row looks like a header all the same (at least two known header names): when no row
     * is the header, such a row says what is wrong with it (no date column, an unknown column...).
     */
    static boolean looksLikeHeader(List<String> cells) {
        int known = 0;
        for (String cell : cells) {
            if (Vocabulary.lookup(cell) != null) {
                known++;
            }
        }
        return known >= 2;
    }

    /** The layout of a header row, or the reason the file is refused. */
    static ReportLayout of(long line, List<String> cells) throws ReportRefused {
        List<String> headers = cells.stream().map(Headers::written).toList();
        List<Known> known = headers.stream().map(Vocabulary::lookup).toList();
        ReportSource source = source(known);

        List<String> unknown = new ArrayList<>();
        Field[] fields = new Field[headers.size()];
        boolean[] minorUnits = new boolean[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            Known k = known.get(i);
            if (headers.get(i).isEmpty()) {
                fields[i] = Field.IGNORED;
            } else if (k == null || k.source() != source) {
                unknown.add(headers.get(i));
            } else {
                fields[i] = k.field();
                minorUnits[i] = k.minorUnits();
            }
        }
        if (!unknown.isEmpty()) {
            throw unknownColumns(source, line, unknown);
        }
        refuseDuplicates(line, headers, fields);

        Set<Field> present = EnumSet.noneOf(Field.class);
        present.addAll(Arrays.asList(fields));
        if (!present.contains(Field.DAY)) {
            throw noDateColumn(source, line);
        }
        if (present.stream().noneMatch(Field::metric)) {
            throw noMetricColumn(source, line);
        }
        // One column per PpcRow value: a total wins over its parts, Conv. value over All conv. value.
        boolean ordersTotalled = present.contains(Field.ORDERS);
        boolean gmvTotalled = present.contains(Field.GMV);
        boolean gmvGiven = gmvTotalled || present.contains(Field.GMV_DIRECT) || present.contains(Field.GMV_INDIRECT);
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            if ((ordersTotalled && (f == Field.ORDERS_DIRECT || f == Field.ORDERS_INDIRECT))
                    || (gmvTotalled && (f == Field.GMV_DIRECT || f == Field.GMV_INDIRECT))
                    || (gmvGiven && f == Field.GMV_ALL)) {
                fields[i] = Field.IGNORED;
            }
        }
        return new ReportLayout(source, line, headers, fields, minorUnits);
    }

    /** The header's source: the one whose date column it has, else the one it has most names of. */
    private static ReportSource source(List<Known> known) {
        Map<ReportSource, Integer> names = new EnumMap<>(ReportSource.class);
        ReportSource dated = null;
        for (Known k : known) {
            if (k != null) {
                names.merge(k.source(), 1, Integer::sum);
                if (k.field() == Field.DAY && dated == null) {
                    dated = k.source();
                }
            }
        }
        if (dated != null) {
            return dated;
        }
        return names.getOrDefault(ReportSource.GOOGLE_ADS, 0) > names.getOrDefault(ReportSource.TAOBAO_ZTC, 0)
                ? ReportSource.GOOGLE_ADS
                : ReportSource.TAOBAO_ZTC;
    }

    private static void refuseDuplicates(long line, List<String> headers, Field[] fields) throws ReportRefused {
        Map<String, String> byKey = new HashMap<>();
        Map<Field, String> byField = new EnumMap<>(Field.class);
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header.isEmpty()) {
                continue;
            }
            String twice = byKey.putIfAbsent(Vocabulary.key(header), header);
            if (twice != null) {
                throw new ReportRefused(
                        Kind.DUPLICATE_COLUMN,
                        "The column \"" + header + "\" appears twice in the header (line " + line + ").",
                        "表头（第" + line + "行）中的列“" + header + "”出现了两次。",
                        header);
            }
            if (fields[i] != Field.IGNORED) {
                String same = byField.putIfAbsent(fields[i], header);
                if (same != null) {
                    throw ReportRefused.of(FileRefused.duplicateColumns(line, same, header));
                }
            }
        }
    }

    private static ReportRefused unknownColumns(ReportSource source, long line, List<String> unknown) {
        String names = unknown.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(", "));
        String chineseNames = unknown.stream().map(u -> "“" + u + "”").collect(Collectors.joining("、"));
        String read = String.join(", ", Vocabulary.read(source));
        String ignored = String.join(", ", Vocabulary.ignored(source));
        return new ReportRefused(
                Kind.UNKNOWN_COLUMN,
                (unknown.size() == 1 ? "Unknown column " : "Unknown columns ") + names + " in the header (line "
                        + line + ") of this " + name(source) + " report. Columns read: " + read
                        + " (money in 元 or, with \"(分)\", in 分). Columns known and ignored: " + ignored + ".",
                "表头（第" + line + "行）中有无法识别的列：" + chineseNames + "。" + chineseName(source) + "可读取的列：" + read
                        + "（金额单位为元，标注“(分)”时为分）；已知并忽略的列：" + ignored + "。",
                unknown.get(0));
    }

    private static ReportRefused noDateColumn(ReportSource source, long line) {
        String dates = dateHeaders(source);
        return new ReportRefused(
                Kind.NO_DATE_COLUMN,
                "The header (line " + line + ") of this " + name(source) + " report has no date column (" + dates
                        + "): download the report broken down by day.",
                "表头（第" + line + "行）没有日期列（" + dates + "）：请下载按天细分（分日）的报表。");
    }

    private static ReportRefused noMetricColumn(ReportSource source, long line) {
        String metrics = Vocabulary.read(source).stream()
                .filter(h -> Vocabulary.lookup(h).field().metric())
                .collect(Collectors.joining(", "));
        return new ReportRefused(
                Kind.NO_METRIC_COLUMN,
                "The header (line " + line + ") of this " + name(source) + " report has no metric column (" + metrics
                        + ").",
                "表头（第" + line + "行）没有任何指标列（" + metrics + "）。");
    }

    private static String dateHeaders(ReportSource source) {
        return Vocabulary.read(source).stream()
                .filter(h -> Vocabulary.lookup(h).field() == Field.DAY)
                .collect(Collectors.joining(", "));
    }

    private static String name(ReportSource source) {
        return source == ReportSource.TAOBAO_ZTC ? "Taobao 直通车" : "Google Ads";
    }

    private static String chineseName(ReportSource source) {
        return source == ReportSource.TAOBAO_ZTC ? "直通车报表" : "Google Ads 报表";
    }

    int width() {
        return headers.size();
    }

    List<String> headers() {
        return headers;
    }

    String header(int column) {
        return headers.get(column);
    }

    Field field(int column) {
        return fields[column];
    }

    boolean minorUnits(int column) {
        return minorUnits[column];
    }

    /** The column giving the field, or -1. */
    int column(Field field) {
        return columns.getOrDefault(field, -1);
    }
}

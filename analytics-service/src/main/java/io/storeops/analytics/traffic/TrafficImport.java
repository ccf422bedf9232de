package io.storeops.analytics.traffic;

import io.storeops.platform.sheets.RefusedRow;
import java.time.Instant;
import java.util.List;

/**
 * What an import of a traffic export did.
 *
 * @param days the store-local days the file's rows now count for
 * @param daysReplaced of those, the days an earlier import of the same source and grain had: its rows
 *     of the day no longer count
 * @param refusedRows the rows not kept (line, column as written, reason), at most the first {@value ShopTraffic#REFUSED_LISTED}
 * @param columnsIgnored the header's columns not read (computed from others, or not kept)
 */
public record TrafficImport(
        String importId,
        String storeId,
        String fileName,
        TrafficSource source,
        TrafficGrain grain,
        long headerLine,
        long rowsKept,
        long rowsRefused,
        long totalsSkipped,
        List<String> days,
        List<String> daysReplaced,
        List<RefusedRow> refusedRows,
        List<String> columnsIgnored,
        String importedBy,
        Instant importedAt) {}

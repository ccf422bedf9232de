package io.storeops.analytics.promotion;

import io.storeops.analytics.promotion.reports.PpcRow;

/**
 * A row of an imported pay-per-click report as kept: the report's own row under the import that
 * brought it, its day again as ISO text so that ranges compare as text, and its currency (the
 * store's when the report names none).
 *
 * @param number the row's place among the import's kept rows, from 1
 */
public record StoredPpcRow(
        String importId,
        long number,
        String storeId,
        String source,
        String grain,
        String day,
        String currency,
        PpcRow row) {}

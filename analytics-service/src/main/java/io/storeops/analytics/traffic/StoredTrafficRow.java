package io.storeops.analytics.traffic;

/**
 * A row of an imported traffic export as kept, under the import that brought it; its day as ISO text
 * so that ranges compare as text.
 *
 * @param number the row's place among the import's kept rows, from 1
 */
public record StoredTrafficRow(
        String importId,
        long number,
        String storeId,
        String source,
        String grain,
        String day,
        String itemId,
        String itemTitle,
        long visitors,
        long pageViews) {}

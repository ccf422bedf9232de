package io.storeops.analytics.promotion;

/**
 * A row of an imported pay-per-click report as kept: the report's own row, under the import that
 * brought it, with its day as ISO text so that ranges compare as text.
 */
public record StoredPpcRow(
        String importId,
        String storeId,
        String source,
        String grain,
        String day,
        String account,
        String campaign,
        String itemId,
        String itemTitle,
        String keyword,
        String region,
        String city,
        Integer hour,
        long impressions,
        long clicks,
        long spendMinor,
        long favourites,
        long carts,
        long orders,
        long gmvMinor,
        String currency) {}

package io.storeops.analytics.traffic;

import java.time.LocalDate;

/**
 * One row of a shop traffic export: a store-local day's visitors and page views, of the whole shop
 * or of one item.
 *
 * @param itemId the platform's item id (商品ID/宝贝ID, Product ID) as text, null for the whole shop
 * @param itemTitle the item's title as the export writes it, null when it has none
 */
public record TrafficRow(LocalDate day, String itemId, String itemTitle, long visitors, long pageViews) {}

package io.storeops.analytics.reports;

import io.storeops.analytics.promotion.PromotionFigures;
import io.storeops.analytics.promotion.PromotionTable;
import java.time.LocalDate;
import java.util.List;

/**
 * The effect of one campaign (活动后期数据统计, 效果分析报告): the same figures for the days before it,
 * the campaign's own days and the days after, each as long as the campaign (the days after cut
 * at today): what the campaign spent and brought, its keywords, the items it promoted (attributed
 * to it), and what those items sold in all, promoted or not.
 *
 * @param items the items (SKUs, or listed products by their storefront item id, as {@code
 *     Dimension.ITEM} keys them) of the orders the campaign brought during its days
 */
public record CampaignReport(String storeId, String campaign, List<String> items, List<Window> windows) {

    public enum Phase {
        BEFORE,
        DURING,
        AFTER
    }

    /**
     * One phase.
     *
     * @param campaign  the campaign's own figures (report and attributed orders)
     * @param keywords  its keywords, most spent first
     * @param promoted  its items, as promotion figures
     * @param itemSales what its items sold in all
     */
    public record Window(
            Phase phase,
            LocalDate from,
            LocalDate to,
            PromotionFigures campaign,
            List<PromotionTable.Row> keywords,
            List<PromotionTable.Row> promoted,
            List<ItemSales> itemSales) {}
}

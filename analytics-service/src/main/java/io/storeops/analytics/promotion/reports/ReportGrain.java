package io.storeops.analytics.promotion.reports;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The finest dimension a report is broken down by, from its columns. Two reports of the same grain
 * for the same day describe the same spend, so a new upload replaces that day's rows of its grain
 * only.
 */
public enum ReportGrain {
    /** By hour of the day (时段/小时, Hour of day), whatever else. */
    HOUR,
    /** By region or city (地域/城市, Region/Location/City), without hours. */
    REGION,
    /** By keyword (关键词, Keyword/Search keyword). */
    KEYWORD,
    /** By promoted item (宝贝/宝贝ID). */
    ITEM,
    /** By campaign (推广计划, Campaign). */
    CAMPAIGN,
    /** Whole account totals per day. */
    ACCOUNT;

    /**
     * The grain of rows given already typed (the JSON API): the finest dimension any of them has
     * (a non-null hour, region or city, keyword...).
     */
    public static ReportGrain of(Collection<PpcRow> rows) {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        for (PpcRow row : rows) {
            if (row.hour() != null) {
                fields.add(Field.HOUR);
            }
            if (row.region() != null || row.city() != null) {
                fields.add(Field.REGION);
            }
            if (row.keyword() != null) {
                fields.add(Field.KEYWORD);
            }
            if (row.itemId() != null || row.itemTitle() != null) {
                fields.add(Field.ITEM_ID);
            }
            if (row.campaign() != null) {
                fields.add(Field.CAMPAIGN);
            }
        }
        return ofColumns(fields);
    }

    /** The grain of a report with these columns. */
    static ReportGrain ofColumns(Set<Field> fields) {
        if (fields.contains(Field.HOUR)) {
            return HOUR;
        }
        if (fields.contains(Field.REGION) || fields.contains(Field.CITY)) {
            return REGION;
        }
        if (fields.contains(Field.KEYWORD)) {
            return KEYWORD;
        }
        if (fields.contains(Field.ITEM_ID) || fields.contains(Field.ITEM_TITLE)) {
            return ITEM;
        }
        if (fields.contains(Field.CAMPAIGN)) {
            return CAMPAIGN;
        }
        return ACCOUNT;
    }
}

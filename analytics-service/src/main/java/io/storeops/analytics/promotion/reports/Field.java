package io.storeops.analytics.promotion.reports;

/** What a report column gives, whatever its header says. */
enum Field {
    DAY("day"),
    ACCOUNT("account"),
    CAMPAIGN("campaign"),
    ITEM_ID("itemId"),
    ITEM_TITLE("itemTitle"),
    KEYWORD("keyword"),
    REGION("region"),
    CITY("city"),
    HOUR("hour"),
    IMPRESSIONS("impressions"),
    CLICKS("clicks"),
    SPEND("spendMinor"),
    FAVOURITES("favourites"),
    CARTS("carts"),
    /** Total attributed orders (总成交笔数, Conversions). */
    ORDERS("orders"),
    ORDERS_DIRECT("orders"),
    ORDERS_INDIRECT("orders"),
    /** Total attributed sales (总成交金额, Conv. value). */
    GMV("gmvMinor"),
    GMV_DIRECT("gmvMinor"),
    GMV_INDIRECT("gmvMinor"),
    /** Google's "All conv. value": the sales when the report has no "Conv. value". */
    GMV_ALL("gmvMinor"),
    CURRENCY("currency"),
    /** A known column whose value is computed from others or not kept. */
    IGNORED(null);

    /** The {@link PpcRow} component the column ends up in. */
    final String component;

    Field(String component) {
        this.component = component;
    }

    boolean metric() {
        return ordinal() >= IMPRESSIONS.ordinal() && ordinal() <= GMV_ALL.ordinal();
    }

    boolean money() {
        return this == SPEND || this == GMV || this == GMV_DIRECT || this == GMV_INDIRECT || this == GMV_ALL;
    }

    boolean text() {
        return this == ACCOUNT
                || this == CAMPAIGN
                || this == ITEM_ID
                || this == ITEM_TITLE
                || this == KEYWORD
                || this == REGION
                || this == CITY;
    }
}

package io.storeops.analytics.promotion.reports;

/** Who made the report, known from its header's vocabulary. */
public enum ReportSource {
    /** Taobao/Tmall 直通车 (Zhitongche) reports: Chinese headers, money in 元 (or 分 when the header says so). */
    TAOBAO_ZTC,
    /** Google Ads reports as downloaded for a Shopify store: English headers, money in the account's currency. */
    GOOGLE_ADS
}

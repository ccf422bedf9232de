package io.storeops.analytics.traffic;

/** Who made a traffic export, known from its header's vocabulary. */
public enum TrafficSource {
    /** 生意参谋 (formerly 量子恒道) exports of Taobao/Tmall shops: Chinese headers. */
    SYCM,
    /** Shopify analytics exports: English headers. */
    SHOPIFY
}

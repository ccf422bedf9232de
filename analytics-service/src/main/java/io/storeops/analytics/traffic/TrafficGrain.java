package io.storeops.analytics.traffic;

/** What a traffic export counts per day: the whole shop, or each item (its visitors do not add up to the shop's). */
public enum TrafficGrain {
    STORE,
    ITEM
}

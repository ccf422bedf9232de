package io.storeops.analytics.reports.document;

import java.util.Objects;

/**
 * One key figure, already formatted.
 *
 * @param label  what it is, e.g. 成交金额 GMV
 * @param value  e.g. ¥12,345.00
 * @param change against a comparison, e.g. +12.5 % 环比上周; null for none
 * @param note   e.g. 目标完成 82.3 % of target; null for none (at most two lines are printed)
 */
public record Tile(String label, String value, String change, String note) {

    public Tile {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    public Tile(String label, String value) {
        this(label, value, null, null);
    }
}

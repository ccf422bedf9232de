package io.storeops.refund.sheet;

import java.util.List;

/**
 * A table of a sheet as the files show it: its name, its headings (Chinese, then English, as the
 * department's printed reports have them), and its lines. A cell is text, a count, an amount (a
 * {@link java.math.BigDecimal} at its currency's decimals), a store-local time (a
 * {@link java.time.LocalDateTime}), or null when empty.
 */
public record SheetTable(String name, List<String> headings, List<List<Object>> lines) {}

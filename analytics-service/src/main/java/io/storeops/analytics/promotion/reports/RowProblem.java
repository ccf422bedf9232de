package io.storeops.analytics.promotion.reports;

/**
 * Why a row cannot be kept: the column (a {@link PpcRow} component name such as {@code clicks} for a
 * typed row, the header as written in the file for a file row) and the reason in English.
 */
public record RowProblem(String column, String reason) {}

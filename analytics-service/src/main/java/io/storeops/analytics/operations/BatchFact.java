package io.storeops.analytics.operations;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dispatch batch as the warehouse formed it at the store's cut-off: its parcels are due to leave
 * on its own day, and one that leaves on a later day left late.
 */
public record BatchFact(String batchId, String storeId, LocalDate batchDate, Instant cutoffAt, int shipmentCount) {}

package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.StoreOpsEvent;
import java.time.Instant;
import java.time.LocalDate;

/** The department manager received the closed batch's daily report. Keyed by batch id. */
public record DailyReportAcknowledged(
        String batchId, String storeId, LocalDate batchDate, String acknowledgedBy, Instant acknowledgedAt)
        implements StoreOpsEvent {

    @Override
    public String subject() {
        return batchId;
    }
}

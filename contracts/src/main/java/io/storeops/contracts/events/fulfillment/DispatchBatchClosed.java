package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.StoreOpsEvent;
import java.time.Instant;
import java.time.LocalDate;

/** The warehouse closed the day's batch; the daily report goes to the manager. Keyed by batch id. */
public record DispatchBatchClosed(
        String batchId,
        String storeId,
        LocalDate batchDate,
        int dispatchedCount,
        int pendingCount,
        String closedBy,
        Instant closedAt)
        implements StoreOpsEvent {

    @Override
    public String subject() {
        return batchId;
    }
}

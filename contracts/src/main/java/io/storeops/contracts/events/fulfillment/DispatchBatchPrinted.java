package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.StoreOpsEvent;
import java.time.Instant;
import java.time.LocalDate;

/** The order clerk printed the batch's documents and stamped them. Keyed by batch id. */
public record DispatchBatchPrinted(
        String batchId, String storeId, LocalDate batchDate, String printedBy, Instant printedAt)
        implements StoreOpsEvent {

    @Override
    public String subject() {
        return batchId;
    }
}

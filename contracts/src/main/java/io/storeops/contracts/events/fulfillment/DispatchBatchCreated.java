package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.StoreOpsEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** At the store's cut-off the ready shipments formed the day's dispatch batch. Keyed by batch id. */
public record DispatchBatchCreated(
        String batchId,
        String storeId,
        LocalDate batchDate,
        Instant cutoffAt,
        List<String> shipmentIds,
        int shipmentCount)
        implements StoreOpsEvent {

    public DispatchBatchCreated {
        shipmentIds = Defaults.list(shipmentIds);
    }

    @Override
    public String subject() {
        return batchId;
    }
}

package io.storeops.fulfillment.batch;

import java.util.List;

/** A batch step that its batch's state does not allow (answered 409 with what stands in the way). */
public class BatchConflict extends RuntimeException {

    private final DispatchBatch.Status current;
    private final List<String> shipmentIds;

    BatchConflict(DispatchBatch.Status current, String message) {
        this(current, message, List.of());
    }

    BatchConflict(DispatchBatch.Status current, String message, List<String> shipmentIds) {
        super(message);
        this.current = current;
        this.shipmentIds = List.copyOf(shipmentIds);
    }

    public DispatchBatch.Status current() {
        return current;
    }

    /** The shipments the step waits for, if it is them. */
    public List<String> shipmentIds() {
        return shipmentIds;
    }
}

package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/** The warehouse handed the parcel to the carrier. */
public record ShipmentDispatched(
        String orderId,
        String storeId,
        String shipmentId,
        String carrier,
        String trackingNumber,
        String batchId,
        List<ItemQuantity> lines,
        String dispatchedBy,
        Instant dispatchedAt)
        implements OrderScopedEvent {

    public ShipmentDispatched {
        lines = Defaults.list(lines);
    }
}

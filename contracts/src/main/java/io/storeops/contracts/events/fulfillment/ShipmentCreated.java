package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/**
 * Fulfilment created a shipment for a paid order: one, or two when the store ships what is in stock
 * and sends what is short in a second parcel.
 */
public record ShipmentCreated(
        String orderId, String storeId, String shipmentId, List<ItemQuantity> lines, Instant createdAt)
        implements OrderScopedEvent {

    public ShipmentCreated {
        lines = Defaults.list(lines);
    }
}

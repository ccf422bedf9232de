package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/**
 * The warehouse received and inspected a returned parcel. A split order's return may come as one
 * per parcel of the order, each with the units that parcel carried.
 */
public record ReturnReceived(
        String orderId,
        String storeId,
        String refundId,
        List<ItemQuantity> lines,
        String inspection,
        String receivedBy,
        Instant receivedAt)
        implements OrderScopedEvent {

    public ReturnReceived {
        lines = Defaults.list(lines);
    }
}

package io.storeops.contracts.events;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** Stock could not be reserved for a shipment line: customer service must tell the buyer. */
public record StockShortage(
        String orderId,
        String storeId,
        String shipmentId,
        String sku,
        int missingQuantity,
        Instant detectedAt) implements OrderScopedEvent {
}

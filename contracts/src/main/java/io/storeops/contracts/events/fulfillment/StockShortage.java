package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/**
 * Stock could not be reserved for a shipment line: the shipment waits for a restock
 * ({@link StockAllocated}), and customer service must tell the buyer.
 */
public record StockShortage(
        String orderId, String storeId, String shipmentId, String sku, int missingQuantity, Instant detectedAt)
        implements OrderScopedEvent {}

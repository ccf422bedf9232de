package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/**
 * Units of a SKU are now reserved for a shipment that was waiting for them (a restock, or units
 * another shipment gave back): the shipment line is no longer short.
 */
public record StockAllocated(
        String orderId, String storeId, String shipmentId, String sku, int quantity, Instant allocatedAt)
        implements OrderScopedEvent {}

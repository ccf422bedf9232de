package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.NotYetEmitted;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** Stock could not be reserved for a shipment line: customer service must tell the buyer. */
@NotYetEmitted("fulfillment-service, with stock (issue 10)")
public record StockShortage(
        String orderId, String storeId, String shipmentId, String sku, int missingQuantity, Instant detectedAt)
        implements OrderScopedEvent {}

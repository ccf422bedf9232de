package io.storeops.contracts.events.fulfillment;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/**
 * A parcel is in trouble: the carrier reports a problem (lost, damaged, refused, address unknown...;
 * {@code kind} as the tracking feed names it), or the warehouse found its accessories incomplete
 * ({@code kind} {@code ACCESSORIES_MISMATCH}, before dispatch).
 */
public record ShipmentException(
        String orderId, String storeId, String shipmentId, String kind, String detail, Instant reportedAt)
        implements OrderScopedEvent {}

package io.storeops.contracts.events.order;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/**
 * Customer service wrote the seller's memo (卖家备注) before dispatch: the carrier the shop chose
 * for the parcel and the buyer's wishes, for the warehouse's documents. Either may be null (not
 * set); the memo replaces the previous one whole.
 */
public record OrderSellerMemoChanged(
        String orderId, String storeId, String carrier, String note, String changedBy, Instant changedAt)
        implements OrderScopedEvent {}

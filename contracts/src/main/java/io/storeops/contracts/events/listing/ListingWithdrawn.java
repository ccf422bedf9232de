package io.storeops.contracts.events.listing;

import io.storeops.contracts.ProductScopedEvent;
import java.time.Instant;

/**
 * The product was taken off sale in store {@code storeId} (下架), or dropped before it was ever
 * published ({@code storefrontProductId} null), saying why.
 */
public record ListingWithdrawn(
        String productId,
        String storeId,
        String storefrontProductId,
        String reason,
        String withdrawnBy,
        Instant withdrawnAt)
        implements ProductScopedEvent {}

package io.storeops.contracts.events.listing;

import io.storeops.contracts.ProductScopedEvent;
import java.time.Instant;

/**
 * The product's selling-points card (产品卖点) was published, or published again in a new version,
 * for everyone in the department to read and acknowledge.
 */
public record SellingPointsPublished(
        String productId, String storeId, int cardVersion, String publishedBy, Instant publishedAt)
        implements ProductScopedEvent {}

package io.storeops.contracts.events.listing;

import io.storeops.contracts.ProductScopedEvent;
import java.time.Instant;

/** The detail page's version was sent back to the designer, saying why. */
public record DetailPageRejected(
        String productId, String storeId, int detailPageVersion, String reason, String rejectedBy, Instant rejectedAt)
        implements ProductScopedEvent {}

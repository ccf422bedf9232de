package io.storeops.contracts.events.listing;

import io.storeops.contracts.ProductScopedEvent;
import java.time.Instant;

/** The detail page's version was approved: it is what the next publication shows. */
public record DetailPageApproved(
        String productId, String storeId, int detailPageVersion, String approvedBy, Instant approvedAt)
        implements ProductScopedEvent {}

package io.storeops.contracts.events.listing;

import io.storeops.contracts.ProductScopedEvent;
import java.time.Instant;

/** The designer submitted version {@code detailPageVersion} of the item's detail page (宝贝详情) for review. */
public record DetailPageSubmitted(
        String productId, String storeId, int detailPageVersion, String submittedBy, Instant submittedAt)
        implements ProductScopedEvent {}

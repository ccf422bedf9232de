package io.storeops.contracts.events.listing;

import io.storeops.contracts.ProductScopedEvent;
import java.time.Instant;
import java.util.List;

/**
 * What a store's storefront now shows of a product, whether its first publication there ({@link
 * ListingPublished}) or a published change ({@link ListingChanged}): what the services that follow
 * the listing read from either.
 */
public interface ListingPublication extends ProductScopedEvent {

    String title();

    int pageVersion();

    List<ListedSku> skus();

    String mainImageId();

    Instant publishedAt();
}

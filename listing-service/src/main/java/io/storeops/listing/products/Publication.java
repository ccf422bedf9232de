package io.storeops.listing.products;

import java.time.Instant;

/**
 * The product in one store's storefront: the page version being sent or last published, the
 * storefront's own product id once it has one (kept through withdrawal, so relisting updates the
 * same product), the attempts of the current publication and the last error, and when it was
 * published.
 */
public record Publication(
        String storeId,
        PublicationStatus status,
        int pageVersion,
        String storefront,
        String storefrontProductId,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant publishedAt) {

    /** Whether this store had the product on sale before (its next publication is a change, not a first listing). */
    public boolean everPublished() {
        return publishedAt != null;
    }
}

package io.storeops.listing.products;

import java.time.Instant;
import java.util.Optional;

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

    /**
     * Page version {@code version} to send to {@code store}, where the product was published {@code
     * before} (or not): its storefront, id and first publication are kept, so relisting updates the
     * same storefront product.
     */
    static Publication sending(String store, int version, Optional<Publication> before, Instant at) {
        return new Publication(
                store,
                PublicationStatus.PENDING,
                version,
                before.map(Publication::storefront).orElse(null),
                before.map(Publication::storefrontProductId).orElse(null),
                0,
                null,
                at,
                before.map(Publication::publishedAt).orElse(null));
    }

    /** This publication in {@code status}, after {@code attempts} attempts, with its last error and next attempt. */
    Publication now(PublicationStatus next, int attemptsMade, String error, Instant nextAttempt) {
        return new Publication(
                storeId,
                next,
                pageVersion,
                storefront,
                storefrontProductId,
                attemptsMade,
                error,
                nextAttempt,
                publishedAt);
    }

    /** Confirmed by {@code by}, the storefront, which keeps the product as {@code productId}. */
    Publication confirmed(String by, String productId, Instant at) {
        return new Publication(
                storeId, PublicationStatus.PUBLISHED, pageVersion, by, productId, attempts + 1, null, null, at);
    }

    /** With the id {@code by}, the storefront, keeps the product under, learnt late. */
    Publication knownAs(String by, String productId) {
        return new Publication(
                storeId, status, pageVersion, by, productId, attempts, lastError, nextAttemptAt, publishedAt);
    }

    /** Whether this store had the product on sale before (its next publication is a change, not a first listing). */
    public boolean everPublished() {
        return publishedAt != null;
    }
}

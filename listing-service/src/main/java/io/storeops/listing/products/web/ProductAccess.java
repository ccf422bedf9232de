package io.storeops.listing.products.web;

import io.storeops.listing.access.ListingAction;
import io.storeops.listing.products.Listing;
import io.storeops.listing.products.Listings;
import io.storeops.listing.products.NotOnRecord;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import reactor.core.publisher.Mono;

/**
 * How every route reaches a product: the caller must hold the action's role and work for the
 * store that runs the product's listing; a product of another store is answered as not found, so
 * none is reachable (or confirmed to exist) by its code alone.
 */
public final class ProductAccess {

    private final Listings listings;

    public ProductAccess(Listings listings) {
        this.listings = listings;
    }

    /** The product, for a caller who may take {@code action} on it. */
    public Mono<Listing> find(String productId, ListingAction action) {
        return StaffAccess.require(action).flatMap(staff -> visible(productId, staff));
    }

    /** The product, for {@code staff} (whose role was checked). */
    public Mono<Listing> visible(String productId, Staff staff) {
        return listings.find(productId)
                .filter(listing -> staff.canSee(listing.storeId()))
                .switchIfEmpty(Mono.error(() -> new NotOnRecord("Product", productId)));
    }
}

package io.storeops.listing.products.web;

import io.storeops.listing.access.ListingAction;
import io.storeops.listing.products.Listing;
import io.storeops.listing.products.Listings;
import io.storeops.listing.products.NotOnRecord;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.Problems;
import reactor.core.publisher.Mono;

/**
 * How every route reaches a product: the caller must hold the action's role and work for a store
 * the product is sold in (to change it, for the store that runs its listing); a product of other
 * stores only is answered as not found, so none is reachable (or confirmed to exist) by its code alone.
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

    /**
     * The product, for {@code staff} (whose role was checked) of any store it is sold in: customer
     * service of every such store reads its selling points and sees its pictures.
     */
    public Mono<Listing> visible(String productId, Staff staff) {
        return listings.find(productId)
                .filter(listing -> listing.stores().stream().anyMatch(staff::canSee))
                .switchIfEmpty(Mono.error(() -> new NotOnRecord("Product", productId)));
    }

    /**
     * The product, for {@code staff} of the store that runs its listing: its team works on it; staff
     * of the other stores it is sold in see it, and are refused with 403.
     */
    public Mono<Listing> workable(String productId, Staff staff) {
        return visible(productId, staff).map(listing -> {
            if (!staff.canSee(listing.storeId())) {
                throw Problems.forbidden(
                        "store-forbidden",
                        "Product " + productId + " is run by store " + listing.storeId() + ": its team works on it.");
            }
            return listing;
        });
    }
}

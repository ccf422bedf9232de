package io.storeops.listing.products;

/** What a review decided about an image or a page. */
public enum Verdict {
    APPROVED,
    REJECTED
}

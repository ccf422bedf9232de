package io.storeops.listing.products;

/** Where a product stands in the listing flow, and so whose turn it is. */
public enum ListingStep {
    /** Chosen and positioned; its selling points are being written (supervisor, store manager). */
    SELECTED,
    /** Everyone can read the selling points; waiting for the shoot (store manager, designer). */
    SELLING_POINTS_PUBLISHED,
    /** The shoot's originals are in; waiting for retouching (designer). */
    SHOT,
    /** Retouched versions are waiting for review (store manager, supervisor). */
    RETOUCHED,
    /** The review sent images back with comments; waiting for retouching again (designer). */
    IMAGES_REJECTED,
    /** Images approved; the detail page is being built (designer). */
    IMAGES_APPROVED,
    /** A detail page version is waiting for review. */
    DETAIL_PAGE_SUBMITTED,
    /** The review sent the detail page back; the designer is revising it. */
    DETAIL_PAGE_REJECTED,
    /** Ready to publish (supervisor, store manager). */
    DETAIL_PAGE_APPROVED,
    /** Being sent to the storefronts; a failed store is retried, and shown. */
    PUBLISHING,
    /** On sale; the whole department keeps optimising its page. */
    PUBLISHED,
    /** On sale, with a new detail page version waiting for review. */
    CHANGE_IN_REVIEW,
    /** On sale, with approved changes waiting to be published. */
    CHANGED,
    /** Dropped, or taken off sale. */
    WITHDRAWN;

    /** Whether someone is reviewing work in this step (the time it takes is measured). */
    public boolean inReview() {
        return this == RETOUCHED || this == DETAIL_PAGE_SUBMITTED || this == CHANGE_IN_REVIEW;
    }

    /** Whether the product is on sale in this step. */
    public boolean onSale() {
        return this == PUBLISHED || this == CHANGE_IN_REVIEW || this == CHANGED;
    }
}

package io.storeops.refund.complaints;

/** Where a buyer's review stands at the after-sale desk. */
public enum ReviewState {
    /** A low rating: in customer service's queue. */
    NEW,
    /** Not low: nothing to do, though it may still be answered. */
    NOTED,
    /** Customer service talked to the buyer (each contact recorded). */
    CONTACTED,
    /** The seller's reply was written, once, and handed to the storefront (ReviewReplied). */
    REPLIED
}

package io.storeops.refund.complaints;

import java.util.EnumSet;
import java.util.Set;

/** Where a buyer's review stands at the after-sale desk. */
public enum ReviewState {
    /** A low rating: in customer service's queue. */
    NEW,
    /** Not low: nothing to do, though it may still be answered. */
    NOTED,
    /** Customer service talked to the buyer (each contact recorded). */
    CONTACTED,
    /** The seller's reply was written, once, and handed to the storefront (ReviewReplied). */
    REPLIED;

    /**
     * The states of a review not yet replied to (every state but {@link #REPLIED}): its low ones are
     * customer service's queue, which the desk counts and the low-review lists show.
     */
    public static Set<ReviewState> unreplied() {
        return EnumSet.complementOf(EnumSet.of(REPLIED));
    }
}

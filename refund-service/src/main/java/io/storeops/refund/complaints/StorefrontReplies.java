package io.storeops.refund.complaints;

/**
 * Whether StoreOps posts a store's review replies on its storefront; where it does not, staff post
 * them in the marketplace's back office. Answered by the reply posts, which depend on the reviews
 * and not the other way round.
 */
public interface StorefrontReplies {

    boolean postsReplies(String storeId);
}

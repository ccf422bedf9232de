package io.storeops.refund.replies.web;

import reactor.core.publisher.Mono;

/**
 * Where a seller's reply is posted under a buyer's review: the native marketplace's review API or,
 * in the standalone, a simulated storefront. Every post carries an idempotency key; the storefront
 * posts a key once, however often it is asked.
 */
public interface ReviewReplyChannel {

    /**
     * A reply to post.
     *
     * @param idempotencyKey the review's id at the desk, {@code <store>:<reviewId>}: a review takes one seller's reply
     * @param reviewId       the storefront's own review id
     */
    record ReplyPost(String idempotencyKey, String storeId, String reviewId, String text) {}

    /** The storefront's confirmation, with its reference for the reply. */
    record Posted(String reference) {}

    /** Posts, or confirms the post made before for the same key; fails when it does not know. */
    Mono<Posted> post(ReplyPost reply);
}

package io.storeops.contracts.events.refund;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/**
 * Customer service wrote the seller's reply to a buyer's review (once per review): the storefront
 * adapter posts it under the review.
 *
 * @param reviewId the storefront's own review id, as {@code review.created} named it
 * @param reply    the text to post under the review
 */
public record ReviewReplied(
        String orderId, String storeId, String reviewId, String reply, String repliedBy, Instant repliedAt)
        implements OrderScopedEvent {}

package io.storeops.refund.complaints;

import java.time.Instant;

/**
 * A contact customer service had with the buyer about a complaint or a review.
 *
 * @param offered     what was said or offered
 * @param buyerAnswer what the buyer answered, if anything
 */
public record Contact(ContactChannel channel, String offered, String buyerAnswer, String by, Instant at) {}

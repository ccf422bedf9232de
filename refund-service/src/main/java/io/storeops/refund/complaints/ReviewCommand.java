package io.storeops.refund.complaints;

/** What customer service does about a review. */
public enum ReviewCommand {
    /** Records a contact with the buyer. */
    CONTACT,
    /** Writes the reply to post under the review. */
    REPLY
}

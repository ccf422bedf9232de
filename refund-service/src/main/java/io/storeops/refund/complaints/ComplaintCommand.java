package io.storeops.refund.complaints;

/** What customer service does to a complaint. */
public enum ComplaintCommand {
    /** Records a contact with the buyer. */
    CONTACT,
    /** Resolves it with an outcome. */
    RESOLVE,
    /** The buyer withdraws it. */
    WITHDRAW
}

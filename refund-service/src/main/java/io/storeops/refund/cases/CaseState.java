package io.storeops.refund.cases;

/** Where an after-sale case stands. */
public enum CaseState {
    /** The buyer (or customer service for them) asked; the supervisor decides. */
    REQUESTED,
    /** The supervisor said no: customer service talks to the buyer, or the case closes for good. */
    REJECTED,
    /** Customer service and the buyer are talking about what would settle it. */
    NEGOTIATING,
    /** Approved: the warehouse waits for the buyer's parcel. */
    AWAITING_RETURN,
    /** The money is on its way back to the buyer. */
    REFUNDING,
    /**
     * The payout gateway refused the refund for good (asking again the same way will not pay): a
     * supervisor has it tried again once the cause is fixed, or closes the case; or customer service
     * records it paid in the back office.
     */
    PAYOUT_REFUSED,
    /** An exchange's return came back: the warehouse sends the replacement. */
    REPLACING,
    /** Paid back, or the exchange's replacement went out. */
    COMPLETED,
    /** Ended without a refund: withdrawn, expired, or rejected for good. */
    CLOSED;

    /** Whether the case has ended. */
    public boolean isFinished() {
        return this == COMPLETED || this == CLOSED;
    }

    /**
     * Whether the case holds its amount and units against what may still be refunded: approved, not
     * yet paid back or replaced.
     */
    public boolean holdsItsAmount() {
        return this == AWAITING_RETURN || this == REFUNDING || this == PAYOUT_REFUSED || this == REPLACING;
    }
}

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
    /** Paid back, or the exchange's replacement went out. */
    COMPLETED,
    /** Ended without a refund: withdrawn, expired, or rejected for good. */
    CLOSED;

    /** Whether the case has ended. */
    public boolean isFinished() {
        return this == COMPLETED || this == CLOSED;
    }

    /** Whether the case holds its amount against what may still be refunded: approved, not yet paid. */
    public boolean holdsItsAmount() {
        return this == AWAITING_RETURN || this == REFUNDING;
    }
}

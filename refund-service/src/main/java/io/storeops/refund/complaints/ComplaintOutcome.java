package io.storeops.refund.complaints;

/** How a complaint was resolved. */
public enum ComplaintOutcome {
    APOLOGY,
    /** Something given to make up for it (a coupon, a small sum); the note says what. */
    COMPENSATION,
    /** A refund case was opened for it; the resolution names the case. */
    REFUND_CASE,
    NO_ACTION
}

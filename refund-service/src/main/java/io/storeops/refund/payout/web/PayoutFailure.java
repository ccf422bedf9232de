package io.storeops.refund.payout.web;

/**
 * A gateway did not pay, and said so (or could not be reached). The payouts try again later with
 * the same key when it may help; {@link #permanent()} says it cannot without a person changing
 * something first (a refused amount, a missing order, a wrong token): then a supervisor decides.
 */
public class PayoutFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    PayoutFailure(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    /** The gateway refused the payout: asking again the same way will not pay. */
    static PayoutFailure refused(String message) {
        return new PayoutFailure(message, true);
    }

    /** The gateway was busy or failed: asking again with the same key may pay. */
    static PayoutFailure unavailable(String message) {
        return new PayoutFailure(message, false);
    }

    public boolean permanent() {
        return permanent;
    }
}

package io.storeops.refund.complaints;

/** Where a complaint stands. */
public enum ComplaintState {
    /** Taken, nobody has talked to the buyer about it yet. */
    OPEN,
    /** Customer service is talking to the buyer (each contact recorded). */
    IN_PROGRESS,
    RESOLVED,
    WITHDRAWN;

    /** Whether the complaint has ended. */
    public boolean ended() {
        return this == RESOLVED || this == WITHDRAWN;
    }
}

package io.storeops.refund.complaints;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** The states of a complaint that has not ended ({@link #OPEN}, {@link #IN_PROGRESS}): customer service's open work. */
    public static Set<ComplaintState> notEnded() {
        return Arrays.stream(values())
                .filter(state -> !state.ended())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ComplaintState.class)));
    }
}

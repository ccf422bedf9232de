package io.storeops.refund.complaints;

import static io.storeops.refund.complaints.ReviewCommand.CONTACT;
import static io.storeops.refund.complaints.ReviewCommand.REPLY;
import static io.storeops.refund.complaints.ReviewState.CONTACTED;
import static io.storeops.refund.complaints.ReviewState.NEW;
import static io.storeops.refund.complaints.ReviewState.NOTED;
import static io.storeops.refund.complaints.ReviewState.REPLIED;

import java.util.EnumMap;
import java.util.Map;

/**
 * The review's state machine at the desk: for every state and command, the state it leads to, or
 * a refusal. A review is contacted about and replied to whether it was low or not; the reply is
 * written once (the storefront shows one seller's reply), while the buyer may still be contacted
 * afterwards (say, about amending the review).
 */
public final class ReviewLifecycle {

    private static final Map<ReviewState, Map<ReviewCommand, ReviewState>> MOVES = new EnumMap<>(ReviewState.class);

    static {
        for (ReviewState state : ReviewState.values()) {
            MOVES.put(state, new EnumMap<>(ReviewCommand.class));
        }
        MOVES.get(NEW).putAll(Map.of(CONTACT, CONTACTED, REPLY, REPLIED));
        MOVES.get(NOTED).putAll(Map.of(CONTACT, CONTACTED, REPLY, REPLIED));
        MOVES.get(CONTACTED).putAll(Map.of(CONTACT, CONTACTED, REPLY, REPLIED));
        MOVES.get(REPLIED).put(CONTACT, REPLIED);
    }

    private ReviewLifecycle() {}

    /** Whether a review in {@code state} takes {@code command} (else {@link #next} refuses it). */
    public static boolean takes(ReviewState state, ReviewCommand command) {
        return MOVES.get(state).containsKey(command);
    }

    /**
     * The state {@code command} leads a review in {@code state} to (possibly the same).
     *
     * @throws StepConflict when the command is refused in that state
     */
    public static ReviewState next(ReviewState state, ReviewCommand command) {
        ReviewState target = MOVES.get(state).get(command);
        if (target == null) {
            throw new StepConflict(
                    "review-state",
                    state.name(),
                    "A review that is " + state + " cannot take " + command
                            + ". The seller's reply is written once: the storefront shows one.");
        }
        return target;
    }
}

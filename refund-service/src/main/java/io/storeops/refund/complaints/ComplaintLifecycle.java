package io.storeops.refund.complaints;

import static io.storeops.refund.complaints.ComplaintCommand.CONTACT;
import static io.storeops.refund.complaints.ComplaintCommand.RESOLVE;
import static io.storeops.refund.complaints.ComplaintCommand.WITHDRAW;
import static io.storeops.refund.complaints.ComplaintState.IN_PROGRESS;
import static io.storeops.refund.complaints.ComplaintState.OPEN;
import static io.storeops.refund.complaints.ComplaintState.RESOLVED;
import static io.storeops.refund.complaints.ComplaintState.WITHDRAWN;

import java.util.EnumMap;
import java.util.Map;

/**
 * The complaint's state machine: for every state and command, the state it leads to, or a
 * refusal. Talking to the buyer puts it in progress; it ends resolved or withdrawn, and an ended
 * complaint takes nothing more (the buyer complaining again is a new complaint).
 */
public final class ComplaintLifecycle {

    private static final Map<ComplaintState, Map<ComplaintCommand, ComplaintState>> MOVES =
            new EnumMap<>(ComplaintState.class);

    static {
        for (ComplaintState state : ComplaintState.values()) {
            MOVES.put(state, new EnumMap<>(ComplaintCommand.class));
        }
        MOVES.get(OPEN).putAll(Map.of(CONTACT, IN_PROGRESS, RESOLVE, RESOLVED, WITHDRAW, WITHDRAWN));
        MOVES.get(IN_PROGRESS).putAll(Map.of(CONTACT, IN_PROGRESS, RESOLVE, RESOLVED, WITHDRAW, WITHDRAWN));
    }

    private ComplaintLifecycle() {}

    /** Whether a complaint in {@code state} takes {@code command} (else {@link #next} refuses it). */
    public static boolean takes(ComplaintState state, ComplaintCommand command) {
        return MOVES.get(state).containsKey(command);
    }

    /**
     * The state {@code command} leads a complaint in {@code state} to.
     *
     * @throws StepConflict when the command is refused in that state
     */
    public static ComplaintState next(ComplaintState state, ComplaintCommand command) {
        ComplaintState target = MOVES.get(state).get(command);
        if (target == null) {
            throw new StepConflict(
                    "complaint-state",
                    state.name(),
                    "A complaint that is " + state + " cannot take " + command
                            + ". It has ended: open a new complaint if the buyer complains again.");
        }
        return target;
    }
}

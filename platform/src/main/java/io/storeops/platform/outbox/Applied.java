package io.storeops.platform.outbox;

import io.storeops.contracts.StoreOpsEvent;
import java.util.List;

/**
 * The result of applying a decision: the aggregate as stored afterwards, what happened, and the
 * events written with it (empty unless {@link Outcome#APPLIED}), so callers can count what happened.
 */
public record Applied<T>(T state, Outcome outcome, List<StoreOpsEvent> events) {

    public Applied {
        events = List.copyOf(events);
    }

    static <T> Applied<T> nothing(T state, Outcome outcome) {
        return new Applied<>(state, outcome, List.of());
    }

    public enum Outcome {
        /** State and events were written. */
        APPLIED,
        /** The decision found nothing to change. */
        UNCHANGED,
        /** The consumed event had been applied before: nothing was evaluated or written. */
        DUPLICATE
    }
}

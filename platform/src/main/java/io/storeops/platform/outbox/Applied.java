package io.storeops.platform.outbox;

/** The result of applying a decision: the aggregate as stored afterwards, and what happened. */
public record Applied<T>(T state, Outcome outcome) {

    public enum Outcome {
        /** State and events were written. */
        APPLIED,
        /** The decision found nothing to change. */
        UNCHANGED,
        /** The consumed event had been applied before: nothing was evaluated or written. */
        DUPLICATE
    }
}

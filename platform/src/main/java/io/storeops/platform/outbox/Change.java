package io.storeops.platform.outbox;

import io.storeops.contracts.StoreOpsEvent;
import java.util.List;

/**
 * What a decision does to an aggregate: its new state and the events that announce it. Written
 * together in one single-document update, so the events can never be lost or invented.
 */
public record Change<T>(T state, List<StoreOpsEvent> events) {

    public Change {
        events = List.copyOf(events);
    }

    public static <T> Change<T> of(T state, StoreOpsEvent... events) {
        return new Change<>(state, List.of(events));
    }

    /** Nothing to write: the command or event was already reflected in the state. */
    public static <T> Change<T> none() {
        return new Change<>(null, List.of());
    }

    public boolean isNone() {
        return state == null;
    }
}

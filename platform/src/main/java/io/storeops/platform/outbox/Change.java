package io.storeops.platform.outbox;

import io.storeops.contracts.StoreOpsEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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

    /**
     * This change followed by {@code next} decided on its state, as one change: the state after
     * both, and the events of both in order. When {@code next} changes nothing, this change stands.
     */
    public Change<T> andThen(Function<T, Change<T>> next) {
        if (isNone()) {
            return this;
        }
        Change<T> following = next.apply(state);
        if (following.isNone()) {
            return this;
        }
        List<StoreOpsEvent> all = new ArrayList<>(events);
        all.addAll(following.events);
        return new Change<>(following.state, all);
    }

    /** This change with its state passed through {@code finish} (e.g. to add what the state's queries need); none stays none. */
    public Change<T> map(UnaryOperator<T> finish) {
        return isNone() ? this : new Change<>(finish.apply(state), events);
    }
}

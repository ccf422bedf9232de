package io.storeops.platform.metrics;

import io.storeops.contracts.StoreOpsEvent;
import io.storeops.platform.outbox.Applied;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a service counts when a write stored an event, by event type. A service's metrics class
 * declares one entry per counted type; its store calls {@link #count} with every write, so nothing
 * is counted that was not written, and a duplicate that changed nothing counts nothing.
 */
public final class EventCounters {

    private final Map<Class<?>, List<BiConsumer<StoreOpsEvent, Object>>> byType = new HashMap<>();

    /** Counts every stored {@code type} event with {@code count}. */
    public <E extends StoreOpsEvent> EventCounters on(Class<E> type, Consumer<E> count) {
        return on(type, Object.class, (event, state) -> count.accept(event));
    }

    /**
     * Counts every stored {@code type} event with {@code count}, given the aggregate as it was
     * stored with it (e.g. to measure from when its case was opened).
     */
    public <E extends StoreOpsEvent, S> EventCounters on(Class<E> type, Class<S> stateType, BiConsumer<E, S> count) {
        byType.computeIfAbsent(type, unused -> new ArrayList<>())
                .add((event, state) -> count.accept(type.cast(event), stateType.cast(state)));
        return this;
    }

    /** Counts the events {@code applied} stored. */
    public void count(Applied<?> applied) {
        applied.events()
                .forEach(event -> byType.getOrDefault(event.getClass(), List.of())
                        .forEach(count -> count.accept(event, applied.state())));
    }
}

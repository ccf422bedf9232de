package io.storeops.analytics.rebuild;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The consumed topics replayed from their beginning into the facts (the messaging adapter does it). */
public interface FactReplay {

    /** Runs {@code work} with the live consumer stopped, and starts it again whatever happens. */
    <T> T withLiveConsumerStopped(Supplier<T> work);

    /**
     * Hands every event consumed until now, from the beginning, to the event handlers (which write
     * where {@link FactCollections#written} says), telling {@code progress} how far it got; an
     * outage ends it with an exception.
     */
    Tally replayAll(Consumer<Tally> progress);

    /** What a replay did so far. */
    record Tally(
            long events,
            long applied,
            long ignored,
            long skipped,
            List<RebuildStatus.SkippedEvent> skippedEvents,
            List<RebuildStatus.Partition> partitions) {}
}

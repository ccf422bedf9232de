package io.storeops.analytics.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * Where the last rebuild of the facts stands (since the service started).
 *
 * @param generation the generation read now
 * @param building   the generation the rebuild builds or built (its collections: {@code collections})
 * @param events     records read from the consumed topics so far
 * @param applied    of those, applied to the facts (or recognised as applied)
 * @param ignored    of those, of a type this service does not handle
 * @param skipped    of those, that failed for their own reasons, as the live consumer would dead-letter them;
 *                   the first few in {@code skippedEvents}
 * @param partitions per consumed topic partition, how far the reading got and where it stops
 * @param failure    why a FAILED rebuild failed
 */
public record RebuildStatus(
        State state,
        int generation,
        Integer building,
        List<String> collections,
        Instant startedAt,
        Instant finishedAt,
        long events,
        long applied,
        long ignored,
        long skipped,
        List<SkippedEvent> skippedEvents,
        List<Partition> partitions,
        String failure) {

    public enum State {
        /** No rebuild since the service started. */
        IDLE,
        RUNNING,
        COMPLETED,
        FAILED
    }

    public record Partition(String topic, int partition, long position, long end) {}

    public record SkippedEvent(String eventId, String type, String topic, int partition, long offset, String reason) {}

    static RebuildStatus idle(int generation) {
        return new RebuildStatus(
                State.IDLE, generation, null, List.of(), null, null, 0, 0, 0, 0, List.of(), List.of(), null);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}

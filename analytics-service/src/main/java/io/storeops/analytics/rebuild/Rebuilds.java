package io.storeops.analytics.rebuild;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds every fact fed by events from the consumed topics, into a new generation of their
 * collections, and then reads from it: with the live consumer stopped, each event from the
 * beginning is applied through the same handlers; only when all are, the new generation becomes
 * the current one (one write), and the live consumer goes on from its committed offsets (what it
 * reads again is already applied, and recognised as such). A rebuild that fails leaves the current
 * generation as it was; the one it began is never read. One rebuild at a time.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final FactCollections collections;
    private final FactReplay replay;
    private final Clock clock;
    private volatile RebuildStatus status;

    public Rebuilds(FactCollections collections, FactReplay replay, Clock clock) {
        this.collections = collections;
        this.replay = replay;
        this.clock = clock;
        this.status = RebuildStatus.idle(collections.current());
    }

    /** A rebuild asked while one runs. */
    public static class AlreadyRunning extends RuntimeException {

        AlreadyRunning() {
            super("a rebuild of the facts is running; its status tells how far it got");
        }
    }

    /** The last rebuild's status (IDLE with the current generation if none ran since the service started). */
    public RebuildStatus status() {
        return status;
    }

    /** Starts a rebuild in the background and returns its status. */
    public synchronized RebuildStatus start() {
        if (status.running()) {
            throw new AlreadyRunning();
        }
        status = new RebuildStatus(
                RebuildStatus.State.RUNNING,
                collections.current(),
                null,
                List.of(),
                clock.instant(),
                null,
                0,
                0,
                0,
                0,
                List.of(),
                List.of(),
                null);
        RebuildStatus started = status;
        Schedulers.boundedElastic().schedule(this::run);
        return started;
    }

    private void run() {
        try {
            status = replay.withLiveConsumerStopped(this::build);
            log.info("Facts rebuilt: generation {} is read now ({} events)", status.generation(), status.events());
        } catch (RuntimeException failure) {
            log.warn("The rebuild of the facts failed; generation {} is still read", collections.current(), failure);
            status = ended(RebuildStatus.State.FAILED, status, failure.toString());
        }
    }

    private RebuildStatus build() {
        int next = collections.begin();
        status = progressed(status, next, null);
        try {
            FactReplay.Tally tally = replay.replayAll(progress -> status = progressed(status, next, progress));
            collections.switchTo(next);
            return ended(RebuildStatus.State.COMPLETED, progressed(status, next, tally), null);
        } catch (RuntimeException failure) {
            collections.abandon();
            throw failure;
        }
    }

    private RebuildStatus progressed(RebuildStatus was, int building, FactReplay.Tally tally) {
        FactReplay.Tally now = tally != null ? tally : new FactReplay.Tally(0, 0, 0, 0, List.of(), List.of());
        return new RebuildStatus(
                was.state(),
                collections.current(),
                building,
                collections.collections(building),
                was.startedAt(),
                null,
                now.events(),
                now.applied(),
                now.ignored(),
                now.skipped(),
                now.skippedEvents(),
                now.partitions(),
                null);
    }

    private RebuildStatus ended(RebuildStatus.State state, RebuildStatus was, String failure) {
        return new RebuildStatus(
                state,
                collections.current(),
                was.building(),
                was.collections(),
                was.startedAt(),
                clock.instant(),
                was.events(),
                was.applied(),
                was.ignored(),
                was.skipped(),
                was.skippedEvents(),
                was.partitions(),
                failure);
    }
}

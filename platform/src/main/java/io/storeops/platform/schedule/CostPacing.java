package io.storeops.platform.schedule;

import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Rounds of reads a service makes of its own store on a timer, whatever it holds (its gauges' counts,
 * the outbox sweep, the looks for work due), paced by their own cost.
 *
 * <p>A store without secondary indexes (the embedded one) answers such a read by reading the whole
 * collection and holds off the collection's writers meanwhile, so the rounds grow slower with the
 * data: at about 15,000 orders of the fault test's soak, the gauge counts and outbox sweeps of ten
 * service instances kept the store's core busy and its callers timed out. A round is therefore
 * followed by a pause of at least {@value #PACE} times the duration of its reads sent to the store,
 * failed or not (a read that timed out cost the store as much), and at most {@link #MAX_PAUSE}:
 * timed reads take no more than a twenty-first of each instance's time with the store. A read that
 * never reached the store (no server to send it to, no connection to it: the store away, failing
 * over, or every connection in use) cost it nothing ({@link #costOf}), so an outage does not hold
 * the next round back by minutes once the store is there again. On real MongoDB, through its
 * indexes, reads take milliseconds and the interval governs. Only store reads are paced this way:
 * work that waits on a partner (paying a refund) is not, since a slow partner would hold it back
 * ({@link #every}).
 */
public final class CostPacing {

    /** How many times the duration of its reads a round is followed by a pause, at least. */
    public static final int PACE = 20;

    /** However slow a round, the next one comes this long after it at the latest. */
    static final Duration MAX_PAUSE = Duration.ofMinutes(5);

    private CostPacing() {}

    /**
     * Runs {@code round} now, and then {@code interval} after the last one started or after the
     * pause the cost of its reads asks for, whichever is later; dispose the answer to stop.
     * {@code round} answers what its reads cost ({@link #costOf}), which may be less than the round
     * took (work after the reads, such as calling a partner, is not paced). {@code round} must not
     * fail (a failure ends the rounds).
     */
    public static Disposable every(Duration interval, Supplier<Mono<Duration>> round, Scheduler scheduler) {
        return Mono.defer(() -> {
                    long start = scheduler.now(TimeUnit.NANOSECONDS);
                    return Mono.defer(round)
                            .defaultIfEmpty(Duration.ZERO)
                            .flatMap(reads -> Mono.delay(
                                    pauseAfter(
                                            interval,
                                            Duration.ofNanos(scheduler.now(TimeUnit.NANOSECONDS) - start),
                                            reads),
                                    scheduler));
                })
                .repeat()
                .subscribeOn(scheduler)
                .subscribe();
    }

    /** How long to wait after a round that took {@code round}: the rest of the interval, or the cost's pause if longer. */
    static Duration pauseAfter(Duration interval, Duration round) {
        return pauseAfter(interval, round, round);
    }

    private static Duration pauseAfter(Duration interval, Duration round, Duration reads) {
        Duration rest = interval.minus(round);
        Duration paced = costPause(reads);
        return rest.compareTo(paced) > 0 ? rest : paced;
    }

    /**
     * What a read that failed with {@code failure} after {@code took} cost the store: nothing when
     * it never reached the store, else its time.
     */
    public static Duration costOf(Duration took, Throwable failure) {
        return reachedTheStore(failure) ? took : Duration.ZERO;
    }

    /**
     * Whether a read that failed with {@code failure} was sent: not when the driver found no server
     * to send it to, no free connection or could not connect. An operation's own timeout, which the
     * driver reports as a kind of timeout too, was sent and cost the store its time; with the
     * driver's {@code timeoutMS} set, it reports the unsent kinds that way as well, so they count as
     * sent. A read tried again whose retry could not connect counts as unsent, though its first
     * try was sent.
     */
    private static boolean reachedTheStore(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            boolean unsent = cause instanceof MongoSocketOpenException
                    || (cause instanceof MongoTimeoutException && !(cause instanceof MongoOperationTimeoutException));
            if (unsent) {
                return false;
            }
        }
        return true;
    }

    private static Duration costPause(Duration round) {
        Duration paced = round.multipliedBy(PACE);
        return paced.compareTo(MAX_PAUSE) < 0 ? paced : MAX_PAUSE;
    }

    /**
     * The same pacing for rounds on a fixed timer of their own: a tick may run once the pause the
     * last round's cost asks for has passed since it ended.
     */
    public static final class Ticks {

        private boolean ranBefore;
        private long dueNanos;

        /** Whether a tick at {@code nowNanos} ({@link System#nanoTime()}) may run; the first always may. */
        public boolean due(long nowNanos) {
            return !ranBefore || nowNanos - dueNanos >= 0;
        }

        /** Notes a round from {@code startNanos} to {@code endNanos}. */
        public void ran(long startNanos, long endNanos) {
            ranBefore = true;
            dueNanos = endNanos
                    + costPause(Duration.ofNanos(endNanos - startNanos)).toNanos();
        }
    }
}

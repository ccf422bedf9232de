package io.storeops.platform.schedule;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Work a service looks for on an interval (payouts due, timers run out, a cut-off passed): one
 * look after another, never two at once, the first at start. A look that fails is logged and the
 * next one retries, since the work is found again in the store each time.
 */
public final class RepeatingWork {

    private RepeatingWork() {}

    /**
     * Starts looking every {@code interval}; dispose the answer to stop.
     *
     * @param what what a look does, for the log ("Paying the refunds due")
     */
    public static Disposable every(Duration interval, String what, Supplier<Mono<?>> look, Logger log) {
        return Flux.interval(Duration.ZERO, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(look).onErrorResume(failure -> {
                    log.warn("{} failed; the next look retries: {}", what, failure.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    /**
     * Looks for the items {@code due} (a read of the service's own store) and does {@code work} on
     * each alone ({@link #eachAlone}): now, and then {@code interval} after the last look started
     * or after the pause {@link CostPacing} asks for the read's cost, whichever is later (the pause,
     * once the read has grown slow). The work (a partner's answers) is never paced. Dispose the
     * answer to stop.
     *
     * @param what what a look does, for the log ("Paying the refunds due")
     * @param named names an item for the log ("order tmall-flagship:T1")
     */
    public static <T> Disposable eachDueEvery(
            Duration interval,
            String what,
            Supplier<Flux<T>> due,
            Function<T, Mono<?>> work,
            Function<T, String> named,
            Logger log) {
        return eachDueEvery(interval, what, due, work, named, log, Schedulers.boundedElastic());
    }

    static <T> Disposable eachDueEvery(
            Duration interval,
            String what,
            Supplier<Flux<T>> due,
            Function<T, Mono<?>> work,
            Function<T, String> named,
            Logger log,
            Scheduler scheduler) {
        return CostPacing.every(
                interval,
                () -> {
                    long start = scheduler.now(TimeUnit.NANOSECONDS);
                    return Flux.defer(due)
                            .collectList()
                            .flatMap(items -> {
                                Duration read = Duration.ofNanos(scheduler.now(TimeUnit.NANOSECONDS) - start);
                                return eachAlone(Flux.fromIterable(items), work, named, log)
                                        .thenReturn(read);
                            })
                            .onErrorResume(failure -> {
                                log.warn("{} failed; the next look retries: {}", what, failure.toString());
                                return Mono.just(CostPacing.costOf(
                                        Duration.ofNanos(scheduler.now(TimeUnit.NANOSECONDS) - start), failure));
                            });
                },
                scheduler);
    }

    /**
     * Does {@code work} on each item a look found, one after another, each on its own: an item whose
     * work fails is logged and passed over, so that one bad document cannot hold back every other,
     * look after look (it is found again, and tried again, on the next look).
     *
     * @param named names an item for the log ("order tmall-flagship:T1")
     */
    public static <T> Mono<Void> eachAlone(
            Flux<T> items, Function<T, Mono<?>> work, Function<T, String> named, Logger log) {
        return items.concatMap(item -> Mono.defer(() -> work.apply(item)).onErrorResume(failure -> {
                    log.warn("{} was passed over this time: {}", named.apply(item), failure.toString());
                    return Mono.empty();
                }))
                .then();
    }
}

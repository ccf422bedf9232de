package io.storeops.platform.schedule;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
}

package io.storeops.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.storeops.platform.schedule.CostPacing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Gauges whose values are counted in the service's database on a timer, not per scrape (a count
 * per Prometheus request would put a collection scan on every one). Each exists, at 0, from
 * registration, so dashboards and alert rules have their series before the first count; a count
 * that fails (the store away) keeps the last value until the next round.
 */
public final class CountedGauges implements AutoCloseable {

    private record Counted(Supplier<Mono<Long>> count, AtomicLong value) {}

    private final MeterRegistry meters;
    private final List<Counted> gauges = new ArrayList<>();
    private Disposable refresh = Disposables.disposed();

    public CountedGauges(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Registers a gauge {@code name} with {@code tags}, its value {@code count}ed on every round. */
    public CountedGauges gauge(String name, String description, Tags tags, Supplier<Mono<Long>> count) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tags(tags)
                .register(meters);
        gauges.add(new Counted(count, value));
        return this;
    }

    /**
     * Registers a gauge {@code name} of the seconds since the instant {@code since} finds on every
     * round, 0 when it finds none: how long the oldest item of a queue has waited.
     */
    public CountedGauges age(String name, String description, Tags tags, Clock clock, Supplier<Mono<Instant>> since) {
        return gauge(
                name,
                description,
                tags,
                () -> since.get()
                        .map(oldest -> Math.max(
                                0, Duration.between(oldest, clock.instant()).toSeconds()))
                        .defaultIfEmpty(0L));
    }

    /**
     * Counts every gauge now, one after another, and again in rounds every {@code interval}, paced
     * by their cost ({@link CostPacing}): counts read whole collections on a store without
     * secondary indexes.
     */
    public CountedGauges countEvery(Duration interval) {
        return countEvery(interval, Schedulers.boundedElastic());
    }

    CountedGauges countEvery(Duration interval, Scheduler scheduler) {
        refresh.dispose();
        refresh = CostPacing.every(interval, () -> countAll(scheduler), scheduler);
        return this;
    }

    /** Counts every gauge, one after another; answers what the counts cost the store. */
    private Mono<Duration> countAll(Scheduler scheduler) {
        return Flux.fromIterable(gauges)
                .concatMap(gauge -> Mono.defer(() -> {
                    long start = scheduler.now(TimeUnit.NANOSECONDS);
                    Supplier<Duration> took = () -> Duration.ofNanos(scheduler.now(TimeUnit.NANOSECONDS) - start);
                    return Mono.defer(gauge.count())
                            .doOnNext(gauge.value()::set)
                            .then(Mono.fromSupplier(took))
                            .onErrorResume(unavailable -> Mono.just(CostPacing.costOf(took.get(), unavailable)));
                }))
                .reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public void close() {
        refresh.dispose();
    }
}

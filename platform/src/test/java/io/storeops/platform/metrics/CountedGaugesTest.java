package io.storeops.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

class CountedGaugesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void anAgeIsTheSecondsSinceTheOldestItemAndZeroForAnEmptyQueueOrOneFromTheFuture() {
        AtomicInteger rounds = new AtomicInteger();
        try (CountedGauges gauges = new CountedGauges(meters)) {
            gauges.age("waiting", "", Tags.of("queue", "old"), CLOCK, () -> Mono.just(NOW.minusSeconds(90)))
                    .age("waiting", "", Tags.of("queue", "empty"), CLOCK, Mono::empty)
                    .age("waiting", "", Tags.of("queue", "skewed"), CLOCK, () -> Mono.just(NOW.plusSeconds(5)))
                    .gauge("rounds", "", Tags.empty(), () -> Mono.fromSupplier(() -> (long) rounds.incrementAndGet()))
                    .countEvery(Duration.ofHours(1));

            await().until(() -> meters.get("rounds").gauge().value() == 1);
            assertThat(meters.get("waiting").tag("queue", "old").gauge().value())
                    .isEqualTo(90);
            assertThat(meters.get("waiting").tag("queue", "empty").gauge().value())
                    .isZero();
            assertThat(meters.get("waiting").tag("queue", "skewed").gauge().value())
                    .isZero();
        }
    }

    /** Counts every 30 s with one gauge whose count, after {@code taking}, ends as {@code ending}: the second starts {@code at}. */
    private void assertTheSecondRoundStartsAt(Duration at, Duration taking, Mono<Long> ending) {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        AtomicInteger started = new AtomicInteger();
        try (CountedGauges gauges = new CountedGauges(meters)) {
            gauges.gauge(
                            "scans",
                            "",
                            Tags.empty(),
                            () -> Mono.fromRunnable(started::incrementAndGet)
                                    .then(Mono.delay(taking, time))
                                    .then(ending))
                    .countEvery(Duration.ofSeconds(30), time);

            time.advanceTimeBy(at.minusSeconds(1));
            assertThat(started).hasValue(1);
            time.advanceTimeBy(Duration.ofSeconds(1));
            assertThat(started).hasValue(2);
        } finally {
            time.dispose();
        }
    }

    @Test
    void aSlowRoundIsFollowedByAPauseOfTwentyTimesItsDuration() {
        assertTheSecondRoundStartsAt(Duration.ofSeconds(4 + 80), Duration.ofSeconds(4), Mono.just(1L));
    }

    @Test
    void aCountThatFoundNoStoreToAskDoesNotHoldBackTheNextRound() {
        assertTheSecondRoundStartsAt(
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Mono.error(new MongoTimeoutException("Timed out while waiting for a server")));
    }

    @Test
    void aCountThatThrowsHoldsBackNeitherTheOtherGaugesNorTheNextRound() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        AtomicInteger rounds = new AtomicInteger();
        try (CountedGauges gauges = new CountedGauges(meters)) {
            gauges.gauge("broken", "", Tags.empty(), () -> {
                        throw new IllegalStateException("no such collection");
                    })
                    .gauge("rounds", "", Tags.empty(), () -> Mono.fromSupplier(() -> (long) rounds.incrementAndGet()))
                    .countEvery(Duration.ofSeconds(30), time);

            time.advanceTimeBy(Duration.ofSeconds(30));
            assertThat(meters.get("rounds").gauge().value()).isEqualTo(2);
        } finally {
            time.dispose();
        }
    }

    @Test
    void everyGaugeExistsAtZeroBeforeItsFirstCount() {
        try (CountedGauges gauges = new CountedGauges(meters)) {
            gauges.age("waiting", "", Tags.of("queue", "old"), CLOCK, () -> Mono.just(NOW.minusSeconds(90)));

            assertThat(meters.get("waiting").gauge().value()).isZero();
        }
    }
}

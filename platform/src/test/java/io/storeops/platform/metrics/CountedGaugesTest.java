package io.storeops.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

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

    @Test
    void everyGaugeExistsAtZeroBeforeItsFirstCount() {
        try (CountedGauges gauges = new CountedGauges(meters)) {
            gauges.age("waiting", "", Tags.of("queue", "old"), CLOCK, () -> Mono.just(NOW.minusSeconds(90)));

            assertThat(meters.get("waiting").gauge().value()).isZero();
        }
    }
}

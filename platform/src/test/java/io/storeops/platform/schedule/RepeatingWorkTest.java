package io.storeops.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

class RepeatingWorkTest {

    private static final Logger LOG = LoggerFactory.getLogger(RepeatingWorkTest.class);

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final AtomicInteger looks = new AtomicInteger();

    @AfterEach
    void stopTheClock() {
        time.dispose();
    }

    /** Looks every 30 s whose read of what is due takes {@code read} and whose work on the one item takes {@code work}. */
    private Disposable looksTaking(Duration read, Duration work) {
        return RepeatingWork.eachDueEvery(
                Duration.ofSeconds(30),
                "Looking",
                () -> Mono.fromRunnable(looks::incrementAndGet)
                        .then(Mono.delay(read, time))
                        .thenMany(Flux.just("due")),
                item -> Mono.delay(work, time),
                item -> item,
                LOG,
                time);
    }

    private void assertTheSecondLookStartsAt(Duration at, Disposable looking) {
        try {
            time.advanceTimeBy(at.minusMillis(1));
            assertThat(looks).hasValue(1);
            time.advanceTimeBy(Duration.ofMillis(1));
            assertThat(looks).hasValue(2);
        } finally {
            looking.dispose();
        }
    }

    @Test
    void aSlowReadOfWhatIsDueIsFollowedByAPauseOfTwentyTimesItsDuration() {
        assertTheSecondLookStartsAt(
                Duration.ofSeconds(2 + 10 + 40), looksTaking(Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    @Test
    void slowWorkOnWhatIsDueIsNotPaced() {
        assertTheSecondLookStartsAt(
                Duration.ofMillis(10 + 100_000 + 20 * 10), looksTaking(Duration.ofMillis(10), Duration.ofSeconds(100)));
    }

    /** Looks every 30 s whose read of what is due fails with {@code failure} after {@code read}. */
    private Disposable looksFailing(Duration read, RuntimeException failure) {
        return RepeatingWork.eachDueEvery(
                Duration.ofSeconds(30),
                "Looking",
                () -> {
                    looks.incrementAndGet();
                    return Mono.delay(read, time).thenMany(Flux.error(failure));
                },
                item -> Mono.empty(),
                item -> "item",
                LOG,
                time);
    }

    @Test
    void aLookWhoseReadFailsSlowlyIsPacedByItsCostAndRetried() {
        assertTheSecondLookStartsAt(
                Duration.ofSeconds(5 + 100),
                looksFailing(Duration.ofSeconds(5), new IllegalStateException("the read timed out")));
    }

    @Test
    void aLookThatFoundNoStoreToAskIsRetriedAtTheInterval() {
        assertTheSecondLookStartsAt(
                Duration.ofSeconds(30),
                looksFailing(
                        Duration.ofSeconds(10), new MongoTimeoutException("Timed out while waiting for a server")));
    }

    @Test
    void oneItemWhoseWorkFailsHoldsBackNoOther() {
        List<String> done = new ArrayList<>();

        RepeatingWork.eachAlone(
                        Flux.just("a", "poison", "b", "thrown"),
                        item -> switch (item) {
                            case "poison" -> Mono.error(new IllegalStateException("a broken document"));
                            case "thrown" -> throw new IllegalArgumentException("thrown before any Mono");
                            default -> Mono.fromRunnable(() -> done.add(item));
                        },
                        item -> "item " + item,
                        LOG)
                .block();

        assertThat(done).containsExactly("a", "b");
    }
}

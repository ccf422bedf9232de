package io.storeops.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

class CostPacingTest {

    private static final long SECOND = 1_000_000_000L;

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final AtomicInteger rounds = new AtomicInteger();

    @AfterEach
    void stopTheClock() {
        time.dispose();
    }

    private Disposable roundsTaking(Duration each) {
        return CostPacing.every(
                Duration.ofSeconds(30),
                () -> Mono.fromRunnable(rounds::incrementAndGet)
                        .then(Mono.delay(each, time))
                        .thenReturn(each),
                time);
    }

    @Test
    void quickRoundsStartEveryInterval() {
        Disposable pacing = roundsTaking(Duration.ofMillis(900));
        try {
            time.advanceTimeBy(Duration.ofMillis(29_999));
            assertThat(rounds).hasValue(1);
            time.advanceTimeBy(Duration.ofMillis(1));
            assertThat(rounds).hasValue(2);
            time.advanceTimeBy(Duration.ofSeconds(30));
            assertThat(rounds).hasValue(3);
        } finally {
            pacing.dispose();
        }
    }

    @Test
    void aSlowRoundIsFollowedByAPauseOfTwentyTimesItsDuration() {
        Disposable pacing = roundsTaking(Duration.ofSeconds(4));
        try {
            time.advanceTimeBy(Duration.ofSeconds(4 + 80 - 1));
            assertThat(rounds).hasValue(1);
            time.advanceTimeBy(Duration.ofSeconds(1));
            assertThat(rounds).hasValue(2);
        } finally {
            pacing.dispose();
        }
    }

    @Test
    void noPauseIsLongerThanFiveMinutes() {
        assertThat(CostPacing.pauseAfter(Duration.ofSeconds(30), Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(CostPacing.pauseAfter(Duration.ofMinutes(30), Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMinutes(29));
    }

    @Test
    void aReadThatNeverReachedTheStoreCostItNothingAndOneThatWasSentItsTime() {
        Duration took = Duration.ofSeconds(30);
        ServerAddress store = new ServerAddress("localhost", 27017);

        assertThat(CostPacing.costOf(took, new MongoTimeoutException("Timed out while waiting for a server")))
                .isZero();
        assertThat(CostPacing.costOf(
                        took, new IllegalStateException(new MongoSocketOpenException("Connection refused", store))))
                .isZero();
        assertThat(CostPacing.costOf(took, new MongoOperationTimeoutException("Operation exceeded the timeout")))
                .isEqualTo(took);
        assertThat(CostPacing.costOf(
                        took, new MongoSocketReadTimeoutException("Timed out reading", store, new IOException())))
                .isEqualTo(took);
        assertThat(CostPacing.costOf(took, new TimeoutException("Did not observe any item within 20000ms")))
                .isEqualTo(took);
    }

    @Test
    void ticksOfATimerOfItsOwnPassForTwentyTimesASlowRound() {
        CostPacing.Ticks ticks = new CostPacing.Ticks();
        long start = Long.MIN_VALUE + 5 * SECOND; // nanoTime's origin is arbitrary

        assertThat(ticks.due(start)).isTrue();
        ticks.ran(start, start + 3 * SECOND);
        assertThat(ticks.due(start + 62 * SECOND)).isFalse();
        assertThat(ticks.due(start + 63 * SECOND)).isTrue();
    }
}

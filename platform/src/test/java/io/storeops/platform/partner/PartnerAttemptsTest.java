package io.storeops.platform.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Each attempt's outcome is recorded as what it was: a confirmation, a refusal for good, or a
 * failure to ask again later — twice as late each time, never later than half an hour, and never
 * sooner than the partner asked.
 */
class PartnerAttemptsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    private final PartnerAttempts attempts = new PartnerAttempts(
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(200), FIRST_WAIT, "the product may have been listed");
    private final List<String> outcomes = new ArrayList<>();

    @Test
    void aConfirmationIsRecordedAsDone() {
        attempt(Mono.just("gid://shopify/Product/1"), 0);

        assertThat(outcomes).containsExactly("done gid://shopify/Product/1");
    }

    @Test
    void aRefusalForGoodIsRecordedAsRefusedAndNotScheduledAgain() {
        attempt(Mono.error(PartnerFailure.refused("Shopify refused the product: Title can't be blank")), 3);

        assertThat(outcomes).containsExactly("refused Shopify refused the product: Title can't be blank");
    }

    @Test
    void aFailureIsAskedAgainTwiceAsLateEachTimeAndNeverLaterThanHalfAnHour() {
        attempt(Mono.error(PartnerFailure.unavailable("503 Service Unavailable")), 0);
        attempt(Mono.error(new IllegalStateException("connection reset")), 2);
        attempt(Mono.error(PartnerFailure.unavailable("503 Service Unavailable")), 20);

        assertThat(outcomes)
                .containsExactly(
                        "failed 503 Service Unavailable until " + NOW.plus(FIRST_WAIT),
                        "failed connection reset until " + NOW.plus(FIRST_WAIT.multipliedBy(4)),
                        "failed 503 Service Unavailable until " + NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aPartnerThatSaysHowLongToWaitIsNotAskedSoonerButWithinHalfAnHour() {
        attempt(Mono.error(PartnerFailure.unavailable("429", Optional.of(Duration.ofMinutes(2)))), 0);
        attempt(Mono.error(PartnerFailure.unavailable("429", Optional.of(Duration.ofSeconds(1)))), 1);
        attempt(Mono.error(PartnerFailure.unavailable("429", Optional.of(Duration.ofDays(1)))), 0);

        assertThat(outcomes)
                .containsExactly(
                        "failed 429 until " + NOW.plus(Duration.ofMinutes(2)),
                        "failed 429 until " + NOW.plus(FIRST_WAIT.multipliedBy(2)),
                        "failed 429 until " + NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void noAnswerInTimeIsAFailureThatSaysWhatMayHaveBeenDone() {
        attempt(Mono.never(), 0);

        assertThat(outcomes)
                .containsExactly("failed no answer in time (the product may have been listed: the retry asks with the"
                        + " same key) until " + NOW.plus(FIRST_WAIT));
    }

    @Test
    void aConfirmationThatCannotBeRecordedIsAFailedAttempt() {
        attempts.attempt(
                        () -> Mono.just("gid://shopify/Product/1"),
                        0,
                        answer -> Mono.error(new IllegalStateException("the store is unreachable")),
                        refusal -> record("refused " + refusal),
                        (failure, retryAt) -> record("failed " + failure + " until " + retryAt))
                .block();

        assertThat(outcomes).containsExactly("failed the store is unreachable until " + NOW.plus(FIRST_WAIT));
    }

    @Test
    void aLongFailureNoteIsCut() {
        attempt(Mono.error(PartnerFailure.unavailable("x".repeat(500))), 0);

        assertThat(outcomes.get(0)).startsWith("failed " + "x".repeat(200) + " until");
    }

    private void attempt(Mono<String> call, int failedBefore) {
        attempts.attempt(
                        () -> call,
                        failedBefore,
                        answer -> record("done " + answer),
                        refusal -> record("refused " + refusal),
                        (failure, retryAt) -> record("failed " + failure + " until " + retryAt))
                .block();
    }

    private Mono<Void> record(String outcome) {
        return Mono.fromRunnable(() -> outcomes.add(outcome));
    }
}

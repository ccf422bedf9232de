package io.storeops.platform.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Attempts at calls that do something at a storefront or gateway (pay a refund, post a reply,
 * list a product) whose work is kept in the store, and each attempt's outcome recorded there: what
 * the partner confirmed; a refusal for good ({@link PartnerFailure#permanent()}), never asked again
 * by itself; or any other failure (an error, no answer in time), to be asked again later with the
 * same key, each time twice as late as the time before and never later than half an hour — or as
 * late as the partner asked ({@link PartnerFailure#retryAfter()}), within that half hour.
 */
public final class PartnerAttempts {

    private static final int FAILURE_NOTE_LIMIT = 200;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

    private final Clock clock;
    private final Duration callTimeout;
    private final Duration firstWait;
    private final String doneUnseen;

    /**
     * @param callTimeout how long a call may take before it counts as failed
     * @param firstWait   the wait after a first failed attempt; doubled after each further one
     * @param doneUnseen  what a call without an answer in time may have done, for its failure note
     *                    ("the payment may have been made")
     */
    public PartnerAttempts(Clock clock, Duration callTimeout, Duration firstWait, String doneUnseen) {
        this.clock = clock;
        this.callTimeout = callTimeout;
        this.firstWait = firstWait;
        this.doneUnseen = doneUnseen;
    }

    /**
     * Makes the {@code call} and records its outcome: {@code done} with the partner's answer,
     * {@code refused} with why, or {@code failed} with why and when to try again. A failure to
     * record what the partner confirmed is recorded as a failed attempt: the next one asks with the
     * same key and the partner answers it again.
     *
     * @param failedBefore how many attempts failed before this one
     */
    public <R> Mono<Void> attempt(
            Supplier<Mono<R>> call,
            int failedBefore,
            Function<R, Mono<?>> done,
            Function<String, Mono<?>> refused,
            BiFunction<String, Instant, Mono<?>> failed) {
        return Mono.defer(call)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the call answered nothing")))
                .timeout(callTimeout)
                .flatMap(answer -> done.apply(answer).then())
                .onErrorResume(
                        failure -> failure instanceof PartnerFailure partnerFailure && partnerFailure.permanent(),
                        refusal -> refused.apply(describe(refusal)).then())
                .onErrorResume(failure -> failed.apply(
                                describe(failure), clock.instant().plus(waitAfter(failedBefore + 1, failure)))
                        .then());
    }

    /**
     * Twice as long after each failed attempt, from the first wait, never longer than half an hour;
     * at least what the partner asked for, within that half hour.
     */
    private Duration waitAfter(int attempts, Throwable failure) {
        Duration wait = firstWait.multipliedBy(1L << Math.min(attempts - 1, 16));
        if (failure instanceof PartnerFailure partnerFailure
                && partnerFailure.retryAfter().isPresent()
                && partnerFailure.retryAfter().get().compareTo(wait) > 0) {
            wait = partnerFailure.retryAfter().get();
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private String describe(Throwable failure) {
        String text = failure instanceof TimeoutException
                ? "no answer in time (" + doneUnseen + ": the retry asks with the same key)"
                : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return text.length() > FAILURE_NOTE_LIMIT ? text.substring(0, FAILURE_NOTE_LIMIT) : text;
    }
}

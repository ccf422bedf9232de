package io.storeops.platform.operations;

import io.storeops.platform.messaging.DeadLetterReplay;
import io.storeops.platform.outbox.OutboxRelay;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What an operator does once the cause of a dead letter or a parked event is fixed; every service has these routes. */
@RestController
@RequestMapping("/api/operations")
@Tag(name = "Operations", description = "Dead letters and parked events (role OPERATOR)")
public class OperationsController {

    private final DeadLetterReplay deadLetters;
    private final OutboxRelay relay;

    public OperationsController(DeadLetterReplay deadLetters, OutboxRelay relay) {
        this.deadLetters = deadLetters;
        this.relay = relay;
    }

    public record ParkedRetry(long retried) {}

    @PostMapping("/dead-letters/replay")
    @Operation(
            summary = "Replay this service's dead letters",
            description =
                    "Hands each dead letter of <topic>.<service>.dlq back to this service's consumer, oldest first, marked as "
                            + "a replay: it takes effect exactly once even if later events of its aggregate were applied meanwhile. "
                            + "One that fails again goes back to the end of its dead-letter topic (reported) and the replay goes on.")
    Mono<DeadLetterReplay.Result> replayDeadLetters(
            @Parameter(description = "Most dead letters to replay, 1 to 500 (default 100)")
                    @RequestParam(defaultValue = "100")
                    int limit) {
        Problems.requireListLimit(limit);
        return StaffAccess.require(StaffRole.OPERATOR)
                .publishOn(Schedulers.boundedElastic())
                .map(operator -> deadLetters.replay(limit));
    }

    @PostMapping("/outbox/parked/retry")
    @Operation(
            summary = "Retry parked events",
            description =
                    "Puts every event the broker refused for good back at the end of its aggregate's outbox, marked as a "
                            + "replay, once the cause (message size limit, ACL, missing topic) is fixed.")
    Mono<ParkedRetry> retryParked() {
        return StaffAccess.require(StaffRole.OPERATOR)
                .publishOn(Schedulers.boundedElastic())
                .map(operator -> new ParkedRetry(relay.retryParked()));
    }
}

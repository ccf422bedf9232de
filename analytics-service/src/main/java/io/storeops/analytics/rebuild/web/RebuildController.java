package io.storeops.analytics.rebuild.web;

import io.storeops.analytics.rebuild.RebuildStatus;
import io.storeops.analytics.rebuild.Rebuilds;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/analytics/operations/rebuild")
@Tag(name = "Operations", description = "Rebuilding the facts from the event topics (role OPERATOR)")
@SecurityRequirement(name = "bearer")
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Rebuild every fact from the event topics",
            description = "Stops the event consumer, replays the consumed topics from their beginning into a new "
                    + "generation of the fact collections (order_facts_g<n>, batch_facts_g<n>) through the same "
                    + "handlers, then reads from it and starts the consumer again. Staff input (pay-per-click "
                    + "imports, targets, traffic, costs) is kept as it is. Answers at once with the job's status; "
                    + "a rebuild asked while one runs is a 409.")
    Mono<RebuildStatus> rebuild() {
        return StaffAccess.require(StaffRole.OPERATOR)
                .publishOn(Schedulers.boundedElastic())
                .map(operator -> rebuilds.start())
                .onErrorMap(
                        Rebuilds.AlreadyRunning.class,
                        running -> Problems.conflict("rebuild-running", running.getMessage(), Map.of()));
    }

    @GetMapping
    @Operation(
            summary = "The last rebuild's status",
            description = "RUNNING with the events replayed so far and each topic partition's position and end, "
                    + "COMPLETED with the counts and the generation now read, FAILED with why (the generation read "
                    + "is then unchanged); IDLE when none ran since the service started.")
    Mono<RebuildStatus> status() {
        return StaffAccess.require(StaffRole.OPERATOR).map(operator -> rebuilds.status());
    }
}

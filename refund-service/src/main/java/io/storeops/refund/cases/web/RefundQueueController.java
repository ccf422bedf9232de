package io.storeops.refund.cases.web;

import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.web.Problems;
import io.storeops.refund.access.RefundAction;
import io.storeops.refund.cases.AfterSales;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The after-sale desk's work queues: what a store must act on before a marketplace timer decides for it. */
@RestController
@RequestMapping("/api/refund-queues")
@Tag(name = "After-sale queues")
@SecurityRequirement(name = "bearer")
class RefundQueueController {

    private static final Duration LONGEST_LOOK_AHEAD = Duration.ofDays(30);

    private final AfterSales files;
    private final StoreCatalog stores;
    private final Clock clock;

    RefundQueueController(AfterSales files, StoreCatalog stores, Clock clock) {
        this.files = files;
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/due-soon")
    @Operation(
            summary = "Cases whose marketplace timer runs out soon, the soonest first",
            description = "ANSWER: the seller must answer or the request is approved; SHIP_RETURN: the buyer must ship "
                    + "or the case closes; CONFIRM_RECEIPT: the seller must confirm the return or it is paid back.")
    Mono<List<CaseSummary>> dueSoon(
            @RequestParam(required = false) String storeId,
            @Parameter(description = "How far ahead to look, ISO-8601, at most P30D (default PT24H)")
                    @RequestParam(defaultValue = "PT24H")
                    String within,
            @Parameter(description = "Most cases, 1 to 500 (default 100)") @RequestParam(defaultValue = "100")
                    int limit) {
        Problems.requireListLimit(limit);
        if (storeId == null || storeId.isBlank()) {
            return Mono.error(Problems.badRequest("invalid-query", "storeId is required."));
        }
        Duration ahead = lookAhead(within);
        return StaffAccess.require(RefundAction.SEE_CASES)
                .map(staff -> staff.requireStore(storeId))
                .filter(staff -> stores.find(storeId).isPresent())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Store", storeId)))
                .flatMapMany(staff -> {
                    Instant before = clock.instant().plus(ahead);
                    return files.deadlinesBefore(storeId, before, limit)
                            .concatMap(file -> Flux.fromIterable(file.cases())
                                    .filter(refund -> refund.deadline() != null
                                            && refund.deadline().dueAt().isBefore(before))
                                    .map(refund -> CaseSummary.of(file, refund)));
                })
                .sort(Comparator.comparing((CaseSummary due) -> due.deadline().dueAt()))
                .take(limit)
                .collectList();
    }

    private static Duration lookAhead(String within) {
        try {
            Duration ahead = Duration.parse(within);
            if (ahead.isNegative() || ahead.isZero() || ahead.compareTo(LONGEST_LOOK_AHEAD) > 0) {
                throw Problems.badRequest("invalid-query", "within must be a duration from PT1S to P30D.");
            }
            return ahead;
        } catch (DateTimeParseException notADuration) {
            throw Problems.badRequest("invalid-query", "within must be an ISO-8601 duration such as PT24H.");
        }
    }
}

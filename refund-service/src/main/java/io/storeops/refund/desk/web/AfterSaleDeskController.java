package io.storeops.refund.desk.web;

import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.stores.DeskStores;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.web.Problems;
import io.storeops.refund.access.RefundAction;
import io.storeops.refund.cases.AfterSaleProperties;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.CaseState;
import io.storeops.refund.cases.GatewayPayments;
import io.storeops.refund.complaints.Complaints;
import io.storeops.refund.complaints.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The caller's after-sale desk: what they may do, and per store of theirs the queues they work with
 * their lengths; and a store's after-sale terms as the case forms need them. A console builds its
 * menus, buttons and forms from these.
 */
@RestController
@Tag(name = "After-sale desk")
@SecurityRequirement(name = "bearer")
class AfterSaleDeskController {

    private static final Duration SOON = Duration.ofHours(24);

    private final StoreCatalog stores;
    private final AfterSales files;
    private final Reviews reviews;
    private final Complaints complaints;
    private final AfterSaleProperties policies;
    private final GatewayPayments gateways;
    private final Clock clock;

    AfterSaleDeskController(
            StoreCatalog stores,
            AfterSales files,
            Reviews reviews,
            Complaints complaints,
            AfterSaleProperties policies,
            GatewayPayments gateways,
            Clock clock) {
        this.stores = stores;
        this.files = files;
        this.reviews = reviews;
        this.complaints = complaints;
        this.policies = policies;
        this.gateways = gateways;
        this.clock = clock;
    }

    @GetMapping("/api/after-sale-desk")
    @Operation(
            summary = "The caller's after-sale desk: their actions, stores and queue lengths",
            description = "Any member of staff may ask; the actions are exactly those the after-sale routes allow the "
                    + "token's roles. Queues, only those the caller works: new (orders with a case waiting for a "
                    + "supervisor), negotiating, dueSoon (a marketplace timer runs out within 24 hours), payoutRefused "
                    + "(a payout the gateway refused for good, waiting for a supervisor), openComplaints "
                    + "(OPEN or IN_PROGRESS), lowReviews (low and not yet replied to).")
    Mono<DeskStores.Desk<RefundAction>> desk() {
        return DeskStores.of(RefundAction.class, stores, this::queues);
    }

    private Map<String, Mono<Long>> queues(String storeId, List<RefundAction> actions) {
        Map<String, Mono<Long>> queues = new LinkedHashMap<>();
        if (actions.contains(RefundAction.SEE_CASES)) {
            queues.put("new", files.countWithCaseIn(storeId, CaseState.REQUESTED));
            queues.put(
                    "negotiating",
                    files.countWithCaseIn(storeId, CaseState.REJECTED)
                            .zipWith(files.countWithCaseIn(storeId, CaseState.NEGOTIATING), Long::sum));
            queues.put(
                    "dueSoon",
                    files.countDeadlinesBefore(storeId, clock.instant().plus(SOON)));
            queues.put("payoutRefused", files.countWithCaseIn(storeId, CaseState.PAYOUT_REFUSED));
        }
        if (actions.contains(RefundAction.SEE_COMPLAINTS)) {
            queues.put("openComplaints", complaints.countOpen(storeId));
            queues.put("lowReviews", reviews.lowWaiting(storeId));
        }
        return queues;
    }

    @Schema(description = "A store's after-sale terms, as the case forms need them")
    record Terms(
            String storeId,
            String currency,

            @Schema(description = "The reasons customer service picks from; empty: any text")
            List<String> reasonCodes,

            @Schema(description = "Refund-only requests below this are approved at once (0: never)")
            long autoApproveBelowMinor,

            @Schema(description = "Whether refunds are paid through a gateway (then nobody confirms a payment by hand)")
            boolean paysThroughGateway) {}

    @GetMapping("/api/after-sale-desk/terms/{storeId}")
    @Operation(summary = "A store's after-sale terms: reason codes, approval at once, how refunds are paid")
    Mono<Terms> terms(@PathVariable String storeId) {
        return StaffAccess.require(RefundAction.SEE_CASES)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> Mono.justOrEmpty(stores.find(storeId)))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Store", storeId)))
                .map(store -> new Terms(
                        storeId,
                        store.currency(),
                        policies.policyOf(storeId).reasonCodes(),
                        policies.policyOf(storeId).autoApproveBelowMinor(),
                        gateways.paysThroughGateway(storeId)));
    }
}

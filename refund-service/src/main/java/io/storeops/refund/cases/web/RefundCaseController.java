package io.storeops.refund.cases.web;

import io.storeops.platform.outbox.Change;
import io.storeops.platform.paging.PageCursor;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.Pages;
import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import io.storeops.refund.access.RefundAction;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.AfterSaleProperties;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.CaseConflict;
import io.storeops.refund.cases.CaseNotFound;
import io.storeops.refund.cases.CaseState;
import io.storeops.refund.cases.CaseStep;
import io.storeops.refund.cases.CaseType;
import io.storeops.refund.cases.EntryReused;
import io.storeops.refund.cases.FourEyesViolation;
import io.storeops.refund.cases.GatewayPayments;
import io.storeops.refund.cases.RefundCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The after-sale desk's cases over HTTP: customer service enters a case for the buyer and talks
 * it through; the supervisor decides. Who acts comes from the token; a case is seen only by staff
 * of its store.
 */
@RestController
@RequestMapping("/api/refunds")
@Tag(name = "After-sale cases")
@SecurityRequirement(name = "bearer")
class RefundCaseController {

    private final AfterSales files;
    private final AfterSaleProperties policies;
    private final Clock clock;
    private final GatewayPayments gateways;

    RefundCaseController(AfterSales files, AfterSaleProperties policies, Clock clock, GatewayPayments gateways) {
        this.files = files;
        this.policies = policies;
        this.clock = clock;
        this.gateways = gateways;
    }

    @Schema(description = "A case customer service enters for the buyer")
    record CaseEntry(
            @Schema(example = "tmall-flagship:T20261128-0001")
            String orderId,

            @Schema(example = "RETURN_AND_REFUND") CaseType type,
            @Schema(example = "cracked on arrival") String reason,

            @Schema(description = "Whether the buyer has the goods")
            Boolean goodsReceived,

            List<LineEntry> lines,

            @Schema(description = "Shipping paid back, in minor units")
            Long shippingMinor,

            @Schema(description = "The buyer's notes and image links")
            List<String> evidence) {}

    @Schema(description = "What the decider says")
    record Note(@Schema(example = "photos show the crack") String note) {}

    @Schema(description = "A contact with the buyer")
    record ContactEntry(
            @Schema(example = "PHONE") String channel,
            @Schema(example = "half the price back") String offered,
            @Schema(example = "accepts") String buyerAnswer) {}

    @Schema(description = "The buyer's revised request")
    record Revision(String reason, List<LineEntry> lines, Long shippingMinor) {}

    @Schema(description = "The buyer's return parcel")
    record ReturnParcel(@Schema(example = "SF1234567890123") String trackingNumber) {}

    @Schema(name = "RefundCase", description = "A case, with its order, and what the caller may do with it now")
    record CaseView(
            String orderId,
            String storeId,

            @Schema(description = "The currency of the case's amounts (minor units)", example = "CNY")
            String currency,

            RefundCase refundCase,

            @Schema(
                    description = "The steps (route names) the caller may take on the case now, by their role and "
                            + "the case's state",
                    example = "[\"approval\", \"rejection\"]")
            List<String> steps,

            @Schema(description = "Of those, the decisions four-eyes keeps from the caller (they worked on the case)")
            List<String> heldBack) {}

    /** The case as {@code staff} sees it, with the steps offered to them. */
    private CaseView view(AfterSale file, String caseId, Staff staff) {
        RefundCase refund = file.find(caseId).orElseThrow();
        CaseStep.Viewer viewer = new CaseStep.Viewer(
                RefundAction.DECIDE.allows(staff),
                RefundAction.HANDLE_CASES.allows(staff),
                staff.username(),
                gateways.paysThroughGateway(file.storeId()));
        return new CaseView(
                file.orderId(),
                file.storeId(),
                file.currency(),
                refund,
                CaseStep.offered(refund, viewer).stream().map(CaseStep::path).toList(),
                CaseStep.heldBack(refund, viewer).stream().map(CaseStep::path).toList());
    }

    @PostMapping
    @Operation(
            summary = "Enter a case for the buyer",
            description = "Checked against what the order may still refund. With an Idempotency-Key header a retried "
                    + "entry opens one case; the key used again for another entry is a 409.")
    Mono<ResponseEntity<CaseView>> enter(
            @RequestBody CaseEntry entry,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (entry.orderId() == null || entry.orderId().isBlank()) {
            return Mono.error(Problems.invalid("orderId is required."));
        }
        String caseId = IdempotencyKeys.idFor("rf-", idempotencyKey);
        return StaffAccess.require(RefundAction.HANDLE_CASES)
                .flatMap(staff -> files.findByCase(caseId)
                        .filter(other -> !other.orderId().equals(entry.orderId()))
                        .flatMap(other -> Mono.<Staff>error(Problems.conflict(
                                "case-id",
                                "The Idempotency-Key was used for a case of another order: use a new key.",
                                Map.of())))
                        .defaultIfEmpty(staff))
                .flatMap(staff -> files.find(entry.orderId())
                        .filter(file -> staff.canSee(file.storeId()))
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("Paid order", entry.orderId())))
                        .flatMap(file -> files.change(
                                file.orderId(),
                                current -> current.request(
                                        requestOf(entry, caseId),
                                        staff.username(),
                                        clock.instant(),
                                        policies.policyOf(current.storeId()))))
                        .map(file -> ResponseEntity.status(HttpStatus.CREATED).body(view(file, caseId, staff))))
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()))
                .onErrorMap(
                        EntryReused.class,
                        reused -> Problems.conflict("idempotency-key-reused", reused.getMessage(), Map.of()));
    }

    private static AfterSale.Request requestOf(CaseEntry entry, String caseId) {
        return new AfterSale.Request(
                caseId,
                entry.type(),
                entry.reason(),
                Boolean.TRUE.equals(entry.goodsReceived()),
                LineEntry.toCaseLines(entry.lines()),
                entry.shippingMinor() == null ? 0 : entry.shippingMinor(),
                entry.evidence(),
                AfterSale.CUSTOMER_SERVICE);
    }

    @Schema(description = "A page of cases, and the cursor of the next page (absent on the last)")
    record CasePage(List<CaseSummary> cases, String nextCursor) {}

    @GetMapping
    @Operation(
            summary = "A store's cases, those with news first",
            description =
                    "The desk's queues: state=REQUESTED (new), state=REJECTED,NEGOTIATING (negotiating), "
                            + "state=AWAITING_RETURN, …; type narrows it. A page holds the cases of up to limit orders; "
                            + "nextCursor gives the next page: new cases never shift it; a case that moves meanwhile comes first on a new search.")
    Mono<CasePage> search(
            @RequestParam(required = false) String storeId,
            @Parameter(description = "States, comma-separated (default: all)") @RequestParam(required = false)
                    List<String> state,
            @RequestParam(required = false) String type,
            @Parameter(description = "Only the cases of this order") @RequestParam(required = false) String orderId,
            @Parameter(description = "Most orders per page, 1 to 500 (default 50)") @RequestParam(defaultValue = "50")
                    int limit,
            @RequestParam(required = false) String cursor) {
        Problems.requireListLimit(limit);
        if (storeId == null || storeId.isBlank()) {
            return Mono.error(Problems.badRequest("invalid-query", "storeId is required."));
        }
        Set<CaseState> states = Queries.parsed(state, CaseState.class, "state");
        CaseType caseType = type == null || type.isBlank()
                ? null
                : Queries.parsed(List.of(type), CaseType.class, "type")
                        .iterator()
                        .next();
        PageCursor after = Pages.after(cursor);
        return StaffAccess.require(RefundAction.SEE_CASES)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> files.search(
                                storeId,
                                states,
                                caseType,
                                orderId == null || orderId.isBlank() ? null : orderId.strip(),
                                after,
                                limit + 1)
                        .collectList())
                .map(found -> {
                    ListPage<AfterSale> page =
                            ListPage.of(found, limit, file -> new PageCursor(file.lastStepAt(), file.orderId()));
                    List<CaseSummary> cases = page.items().stream()
                            .flatMap(file -> file.cases().stream()
                                    .filter(refund -> states.isEmpty() || states.contains(refund.state()))
                                    .filter(refund -> caseType == null || refund.type() == caseType)
                                    .map(refund -> CaseSummary.of(file, refund)))
                            .toList();
                    return new CasePage(cases, page.nextCursor());
                });
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "One case, with its timeline")
    Mono<CaseView> refundCase(@PathVariable String caseId) {
        return StaffAccess.require(RefundAction.SEE_CASES)
                .flatMap(staff -> visible(staff, caseId).map(file -> view(file, caseId, staff)));
    }

    @PostMapping("/{caseId}/approval")
    @Operation(summary = "Approve (supervisor): a refund is paid, a return awaited; not by who opened or negotiated it")
    Mono<CaseView> approve(@PathVariable String caseId, @RequestBody(required = false) Note note) {
        return act(
                RefundAction.DECIDE,
                caseId,
                (file, staff) -> file.approve(
                        caseId,
                        staff.username(),
                        false,
                        note == null ? null : note.note(),
                        clock.instant(),
                        policies.policyOf(file.storeId())));
    }

    @PostMapping("/{caseId}/rejection")
    @Operation(summary = "Reject (supervisor), saying why: customer service negotiates with the buyer")
    Mono<CaseView> reject(@PathVariable String caseId, @RequestBody Note note) {
        return act(
                RefundAction.DECIDE,
                caseId,
                (file, staff) -> file.reject(caseId, staff.username(), note.note(), clock.instant()));
    }

    @Schema(description = "How the supervisor settles a return as it stands")
    record Settlement(
            @Schema(description = "What is paid back per line, for the units accepted")
            List<LineEntry> lines,

            @Schema(description = "Shipping paid back, in minor units")
            Long shippingMinor,

            @Schema(example = "one cup arrived broken by the buyer: half back for it")
            String note) {}

    @PostMapping("/{caseId}/settlement")
    @Operation(
            summary = "Settle a return as it stands (supervisor): part arrived, some damaged, or paid without waiting",
            description = "The lines say what is paid back (within what is left); the case goes on to the payout. "
                    + "Not by who opened or negotiated it (four-eyes).")
    Mono<CaseView> settle(@PathVariable String caseId, @RequestBody Settlement settlement) {
        return act(
                RefundAction.DECIDE,
                caseId,
                (file, staff) -> file.returnSettled(
                        caseId,
                        LineEntry.toCaseLines(settlement.lines()),
                        settlement.shippingMinor() == null ? 0 : settlement.shippingMinor(),
                        staff.username(),
                        settlement.note(),
                        clock.instant()));
    }

    @PostMapping("/{caseId}/payout-retry")
    @Operation(
            summary = "Have a payout the gateway refused tried again, once its cause is fixed (supervisor)",
            description = "The case goes back to REFUNDING, due at once, with a new idempotency key: the refused "
                    + "attempt paid nothing. A case whose payout was not refused is a 409.")
    Mono<CaseView> retryPayout(@PathVariable String caseId, @RequestBody Note note) {
        return act(
                RefundAction.DECIDE,
                caseId,
                (file, staff) -> file.payoutRetried(caseId, staff.username(), note.note(), clock.instant()));
    }

    @PostMapping("/{caseId}/closure")
    @Operation(
            summary = "Reject for good after negotiation, or give up on a refused payout or a replacement (supervisor)")
    Mono<CaseView> close(@PathVariable String caseId, @RequestBody Note note) {
        return act(
                RefundAction.DECIDE,
                caseId,
                (file, staff) -> file.closeForGood(caseId, staff.username(), note.note(), clock.instant()));
    }

    @PostMapping("/{caseId}/contacts")
    @Operation(summary = "Record a contact with the buyer: channel, what was offered, the buyer's answer")
    Mono<CaseView> contact(@PathVariable String caseId, @RequestBody ContactEntry contact) {
        return act(
                RefundAction.HANDLE_CASES,
                caseId,
                (file, staff) -> file.negotiate(
                        caseId,
                        new RefundCase.Contact(
                                contact.channel(),
                                contact.offered(),
                                contact.buyerAnswer(),
                                staff.username(),
                                clock.instant())));
    }

    @PostMapping("/{caseId}/revision")
    @Operation(summary = "The buyer's revised request, back to the supervisor")
    Mono<CaseView> revise(@PathVariable String caseId, @RequestBody Revision revision) {
        return act(
                RefundAction.HANDLE_CASES,
                caseId,
                (file, staff) -> file.revise(
                        caseId,
                        revision.reason(),
                        LineEntry.toCaseLines(revision.lines()),
                        revision.shippingMinor() == null ? 0 : revision.shippingMinor(),
                        staff.username(),
                        clock.instant(),
                        policies.policyOf(file.storeId())));
    }

    @PostMapping("/{caseId}/withdrawal")
    @Operation(summary = "The buyer withdraws the case")
    Mono<CaseView> withdraw(@PathVariable String caseId) {
        return act(
                RefundAction.HANDLE_CASES,
                caseId,
                (file, staff) -> file.withdraw(caseId, staff.username(), clock.instant()));
    }

    @Schema(description = "The refund paid in the marketplace's back office")
    record PaymentConfirmation(
            @Schema(example = "TB-REFUND-2026112900123") String reference) {}

    @PostMapping("/{caseId}/payment")
    @Operation(
            summary = "Confirm a refund paid in the marketplace's back office, with the payment's reference",
            description = "For stores without a payout gateway, or a payout the gateway refused; the case completes "
                    + "(RefundCompleted). Confirming the same reference again is harmless; a case not being paid back "
                    + "is a 409.")
    Mono<CaseView> confirmPayment(@PathVariable String caseId, @RequestBody PaymentConfirmation confirmation) {
        return act(
                RefundAction.HANDLE_CASES,
                caseId,
                (file, staff) -> file.paymentConfirmed(
                        caseId,
                        confirmation.reference(),
                        staff.username(),
                        gateways.paysThroughGateway(file.storeId()),
                        clock.instant()));
    }

    @PostMapping("/{caseId}/return-parcel")
    @Operation(summary = "The buyer sent the return: the carrier's tracking number")
    Mono<CaseView> returnParcel(@PathVariable String caseId, @RequestBody ReturnParcel parcel) {
        return act(
                RefundAction.HANDLE_CASES,
                caseId,
                (file, staff) -> file.returnShipped(
                        caseId,
                        parcel.trackingNumber(),
                        staff.username(),
                        clock.instant(),
                        policies.policyOf(file.storeId())));
    }

    /** What a member of staff does to a case: checked, applied to its order's file, answered or explained. */
    private interface Step {
        Change<AfterSale> apply(AfterSale file, Staff staff);
    }

    private Mono<CaseView> act(RefundAction action, String caseId, Step step) {
        return StaffAccess.require(action)
                .flatMap(staff -> visible(staff, caseId)
                        .flatMap(file -> files.change(file.orderId(), current -> step.apply(current, staff)))
                        .map(file -> view(file, caseId, staff)))
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()))
                .onErrorMap(CaseConflict.class, RefundCaseController::conflict)
                .onErrorMap(FourEyesViolation.class, refused -> Problems.forbidden("four-eyes", refused.getMessage()))
                .onErrorMap(CaseNotFound.class, missing -> Problems.notFound("Case", caseId));
    }

    private static ProblemException conflict(CaseConflict conflict) {
        return Problems.conflict(
                "case-state",
                conflict.getMessage(),
                Map.of("currentState", conflict.current().name()));
    }

    private Mono<AfterSale> visible(Staff staff, String caseId) {
        return files.findByCase(caseId)
                .filter(file -> staff.canSee(file.storeId()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Case", caseId)));
    }
}

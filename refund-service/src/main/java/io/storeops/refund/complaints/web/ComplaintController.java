package io.storeops.refund.complaints.web;

import io.storeops.platform.paging.PageCursor;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.Problems;
import io.storeops.refund.access.RefundAction;
import io.storeops.refund.cases.web.IdempotencyKeys;
import io.storeops.refund.cases.web.Queries;
import io.storeops.refund.complaints.Complaint;
import io.storeops.refund.complaints.ComplaintCategory;
import io.storeops.refund.complaints.ComplaintOutcome;
import io.storeops.refund.complaints.ComplaintState;
import io.storeops.refund.complaints.Complaints;
import io.storeops.refund.complaints.ContactChannel;
import io.storeops.refund.complaints.DeskStep;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * Buyers' complaints over HTTP: customer service takes one on an order, talks it through and
 * resolves it. Who acts comes from the token; a complaint is seen only by staff of its store.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints and reviews")
@SecurityRequirement(name = "bearer")
class ComplaintController {

    private final Complaints complaints;
    private final Clock clock;
    private final DeskRecords<Complaint, ComplaintView> desk;

    ComplaintController(Complaints complaints, Clock clock) {
        this.complaints = complaints;
        this.clock = clock;
        this.desk = new DeskRecords<>(
                "Complaint",
                complaints::find,
                complaints::change,
                Complaint::storeId,
                Complaint::orderId,
                complaint -> new PageCursor(complaint.lastStepAt(), complaint.complaintId()),
                complaints,
                DeskStep::offered,
                ComplaintView::new);
    }

    @Schema(description = "A complaint customer service takes from the buyer")
    record ComplaintEntry(
            @Schema(example = "tmall-flagship:T20261128-0001")
            String orderId,

            @Schema(example = "CHAT") ContactChannel channel,
            @Schema(example = "LOGISTICS") ComplaintCategory category,

            @Schema(example = "parcel three days late, nobody answered on 旺旺")
            String description,

            @Schema(description = "The buyer's nickname on the marketplace (旺旺)", example = "茶友小王")
            String buyerNick) {}

    @Schema(description = "A contact with the buyer")
    record ContactEntry(
            @Schema(example = "PHONE") ContactChannel channel,

            @Schema(description = "What was said or offered", example = "apologised, a 10 yuan coupon")
            String offered,

            @Schema(example = "accepts") String buyerAnswer)
            implements EnteredContact {}

    @Schema(description = "How the complaint was resolved")
    record ResolutionEntry(
            @Schema(example = "REFUND_CASE") ComplaintOutcome outcome,

            @Schema(example = "return of the cracked cup opened")
            String note,

            @Schema(description = "The refund case of the order, for REFUND_CASE", example = "rf-walk-cup-0001")
            String refundCaseId) {}

    @Schema(description = "Why the buyer withdrew")
    record WithdrawalEntry(
            @Schema(example = "parcel arrived") String note) {}

    @Schema(
            name = "Complaint",
            description = "A complaint, with what the desk knows of its order, and what the caller may do with it now")
    record ComplaintView(
            Complaint complaint,
            OrderContext order,

            @Schema(
                    description = "The steps (route names) the caller may take on the complaint now, by their role "
                            + "and the complaint's state; none once it has ended",
                    example = "[\"contacts\", \"resolution\", \"withdrawal\"]")
            List<String> steps) {}

    @Schema(description = "A complaint in a list")
    record ComplaintSummary(
            String complaintId,
            String orderId,
            String buyerNick,
            ContactChannel channel,
            ComplaintCategory category,
            ComplaintState state,
            ComplaintOutcome outcome,
            String openedBy,
            Instant openedAt,
            Instant lastStepAt) {

        static ComplaintSummary of(Complaint complaint) {
            return new ComplaintSummary(
                    complaint.complaintId(),
                    complaint.orderId(),
                    complaint.buyerNick(),
                    complaint.channel(),
                    complaint.category(),
                    complaint.state(),
                    complaint.resolution() == null
                            ? null
                            : complaint.resolution().outcome(),
                    complaint.openedBy(),
                    complaint.openedAt(),
                    complaint.lastStepAt());
        }
    }

    @Schema(description = "A page of complaints, and the cursor of the next page (absent on the last)")
    record ComplaintPage(List<ComplaintSummary> complaints, String nextCursor) {}

    @PostMapping
    @Operation(
            summary = "Take a complaint about an order (受理投诉)",
            description = "Announced with ComplaintOpened. With an Idempotency-Key header a retried entry opens one "
                    + "complaint, cp-<key>; the key used for another order is a 409.")
    Mono<ResponseEntity<ComplaintView>> open(
            @RequestBody ComplaintEntry entry,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return StaffAccess.require(RefundAction.HANDLE_COMPLAINTS)
                .flatMap(staff -> {
                    String complaintId = IdempotencyKeys.idFor("cp-", idempotencyKey);
                    if (entry.orderId() == null || entry.orderId().isBlank()) {
                        throw Problems.invalid("orderId is required.");
                    }
                    return complaints
                            .paidOrder(entry.orderId().strip())
                            .filter(file -> staff.canSee(file.storeId()))
                            .switchIfEmpty(Mono.error(() -> Problems.notFound("Paid order", entry.orderId())))
                            .flatMap(file -> complaints
                                    .open(
                                            complaintId,
                                            file,
                                            new Complaint.Opening(
                                                    file.orderId(),
                                                    entry.channel(),
                                                    entry.category(),
                                                    entry.description(),
                                                    entry.buyerNick()),
                                            staff.username(),
                                            clock.instant())
                                    .map(complaint -> desk.shownTo(staff, complaint, OrderContext.of(file))));
                })
                .map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view))
                .onErrorMap(DeskProblems::problem);
    }

    @GetMapping
    @Operation(
            summary = "A store's complaints, those with news first",
            description = "state=OPEN,IN_PROGRESS is the desk's open work; orderId narrows it to one order. nextCursor "
                    + "gives the next page; a complaint that moves meanwhile comes first on a new search.")
    Mono<ComplaintPage> search(
            @RequestParam(required = false) String storeId,
            @Parameter(description = "States, comma-separated (default: all)") @RequestParam(required = false)
                    List<String> state,
            @Parameter(description = "Only complaints about this order") @RequestParam(required = false) String orderId,
            @Parameter(description = "Most complaints per page, 1 to 500 (default 50)")
                    @RequestParam(defaultValue = "50")
                    int limit,
            @RequestParam(required = false) String cursor) {
        return desk.list(
                        storeId,
                        state,
                        ComplaintState.class,
                        limit,
                        cursor,
                        (store, states, after, atMost) ->
                                complaints.search(store, states, Queries.optional(orderId), after, atMost))
                .map(page -> new ComplaintPage(
                        page.items().stream().map(ComplaintSummary::of).toList(), page.nextCursor()));
    }

    @GetMapping("/{complaintId}")
    @Operation(summary = "One complaint, with its contacts, resolution, timeline and order")
    Mono<ComplaintView> complaint(@PathVariable String complaintId) {
        return desk.shown(complaintId);
    }

    @PostMapping("/{complaintId}/contacts")
    @Operation(summary = "Record a contact with the buyer: channel, what was said or offered, the buyer's answer")
    Mono<ComplaintView> contact(@PathVariable String complaintId, @RequestBody ContactEntry contact) {
        return desk.act(
                complaintId, (complaint, staff) -> complaint.contact(contact.recordedBy(staff, clock.instant())));
    }

    @PostMapping("/{complaintId}/resolution")
    @Operation(
            summary = "Resolve the complaint",
            description =
                    "outcome APOLOGY, COMPENSATION, REFUND_CASE (with refundCaseId, a case of the same order) or "
                            + "NO_ACTION, and a note saying how. Announced with ComplaintResolved; an ended complaint is a 409.")
    Mono<ComplaintView> resolve(@PathVariable String complaintId, @RequestBody ResolutionEntry resolution) {
        return desk.act(
                complaintId,
                found -> complaints.refundCasesOf(found.orderId()),
                (complaint, staff, cases) -> complaint.resolve(
                        resolution.outcome(),
                        resolution.note(),
                        resolution.refundCaseId(),
                        cases,
                        staff.username(),
                        clock.instant()));
    }

    @PostMapping("/{complaintId}/withdrawal")
    @Operation(summary = "The buyer withdrew the complaint (announced with ComplaintResolved, outcome WITHDRAWN)")
    Mono<ComplaintView> withdraw(
            @PathVariable String complaintId, @RequestBody(required = false) WithdrawalEntry withdrawal) {
        return desk.act(
                complaintId,
                (complaint, staff) -> complaint.withdraw(
                        withdrawal == null ? null : withdrawal.note(), staff.username(), clock.instant()));
    }
}

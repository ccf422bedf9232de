package io.storeops.fulfillment.shipping.web;

import io.storeops.fulfillment.access.WarehouseAction;
import io.storeops.fulfillment.shipping.Checklist;
import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.fulfillment.shipping.NotOnChecklist;
import io.storeops.fulfillment.shipping.ShipmentConflict;
import io.storeops.fulfillment.shipping.ShipmentStatus;
import io.storeops.fulfillment.shipping.TrackingNumberRejected;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/shipments")
@Tag(name = "Shipments")
@SecurityRequirement(name = "bearer")
class ShipmentController {

    private final Fulfillments fulfillments;
    private final ShipmentViews views;
    private final Clock clock;

    ShipmentController(Fulfillments fulfillments, ShipmentViews views, Clock clock) {
        this.fulfillments = fulfillments;
        this.views = views;
        this.clock = clock;
    }

    @Schema(
            description = "The carrier's code (SF, YTO, ZTO, STO, YUNDA, JD, EMS, UPS, FEDEX, DHL are format-checked; "
                    + "others take any 4 to 40 letters, digits or '-') and the waybill's tracking number (spaces "
                    + "dropped, upper-cased); accessoriesChecked when the parcel was checked at the dispatch desk "
                    + "instead of before")
    record DispatchRequest(
            @Schema(example = "SF") String carrier,
            @Schema(example = "SF1234567890123") String trackingNumber,
            Boolean accessoriesChecked) {}

    @Schema(
            description = "The check against the outbound slip: complete, or not with what is missing — in a note, "
                    + "as items of the shipment's checklist, or both. Naming a missing item makes the check a "
                    + "mismatch (complete may then be left out)")
    record InspectionRequest(
            Boolean complete,
            @Schema(example = "gift box missing") String note,

            @Schema(
                    description = "Accessories of the checklist not found in the parcel: each a line's sku and one "
                            + "of its accessories, as the checklist names them (case does not matter)")
            List<Checklist.Missing> missing) {}

    @Schema(description = "What the buyer said when urging dispatch (催发货)")
    record UrgeRequest(
            @Schema(example = "Needs it before the weekend") String note) {}

    @GetMapping
    @Operation(summary = "Shipments of a store in a status, oldest first (the warehouse's work list)")
    Flux<ShipmentView> list(
            @RequestParam String storeId,
            @RequestParam(defaultValue = "READY") ShipmentStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        Problems.requireListLimit(limit);
        return StaffAccess.require(WarehouseAction.SEE_SHIPMENTS)
                .map(staff -> staff.requireStore(storeId))
                .flatMapMany(staff -> fulfillments.list(storeId, status, limit))
                .transform(views::all);
    }

    @GetMapping("/{shipmentId}")
    @Operation(summary = "One shipment")
    Mono<ShipmentView> shipment(@PathVariable String shipmentId) {
        return StaffAccess.require(WarehouseAction.SEE_SHIPMENTS)
                .flatMap(staff -> visible(staff, shipmentId))
                .flatMap(views::of);
    }

    @PostMapping("/{shipmentId}/dispatch")
    @Operation(
            summary = "Dispatch a parcel: hand it to the carrier with its tracking number",
            description =
                    "Who dispatched comes from the token. Repeating the same dispatch is harmless; another carrier or "
                            + "tracking number for a dispatched shipment is a 409.")
    Mono<ShipmentView> dispatch(@PathVariable String shipmentId, @RequestBody DispatchRequest request) {
        return StaffAccess.require(WarehouseAction.DISPATCH)
                .flatMap(staff -> visible(staff, shipmentId)
                        .flatMap(shipment -> fulfillments.dispatch(
                                shipment.key(),
                                request.carrier(),
                                request.trackingNumber(),
                                Boolean.TRUE.equals(request.accessoriesChecked()),
                                staff.username())))
                .flatMap(views::of)
                .onErrorMap(TrackingNumberRejected.class, ShipmentController::rejected)
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()))
                .onErrorMap(ShipmentConflict.class, ShipmentController::conflict);
    }

    /** A number that cannot be the carrier's, said so that a console can say it in the reader's words. */
    private static Throwable rejected(TrackingNumberRejected rejected) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("carrier", rejected.carrier());
        properties.put("trackingNumber", rejected.trackingNumber() == null ? "" : rejected.trackingNumber());
        properties.put("reason", rejected.reason().name());
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "tracking-number",
                "Tracking number rejected",
                rejected.getMessage(),
                properties);
    }

    private static Throwable conflict(ShipmentConflict conflict) {
        return Problems.conflict(
                "shipment-state",
                conflict.getMessage(),
                Map.of("currentStatus", conflict.current().name()));
    }

    @PostMapping("/{shipmentId}/inspection")
    @Operation(
            summary = "Check a parcel against its outbound slip and checklist (检查商品附件)",
            description =
                    "A mismatch (complete=false, or any missing item named) needs a note or a missing item, holds "
                            + "the parcel back from dispatch and tells customer service (ShipmentException "
                            + "ACCESSORIES_MISMATCH, its note naming the missing items); a later complete check lets it go. A "
                            + "missing item the checklist does not list is a 422 not-on-checklist naming it.")
    Mono<ShipmentView> inspect(@PathVariable String shipmentId, @RequestBody InspectionRequest request) {
        boolean namesMissing = request != null
                && request.missing() != null
                && !request.missing().isEmpty();
        if (request == null || request.complete() == null && !namesMissing) {
            return Mono.error(Problems.invalid("complete is required: true, or false with a note or missing items"));
        }
        boolean complete = Boolean.TRUE.equals(request.complete());
        return StaffAccess.require(WarehouseAction.DISPATCH)
                .flatMap(staff -> visible(staff, shipmentId)
                        .flatMap(shipment -> fulfillments.inspect(
                                shipment.key(), complete, request.note(), request.missing(), staff.username())))
                .flatMap(views::of)
                .onErrorMap(NotOnChecklist.class, ShipmentController::notOnChecklist)
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()))
                .onErrorMap(ShipmentConflict.class, ShipmentController::conflict);
    }

    /** A missing item the parcel's checklist does not list, named, with what the line's checklist does list. */
    private static Throwable notOnChecklist(NotOnChecklist unknown) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("sku", unknown.sku());
        properties.put("item", unknown.item());
        properties.put("checklist", unknown.accessories());
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "not-on-checklist",
                "Not on the checklist",
                unknown.getMessage(),
                properties);
    }

    @Schema(description = "A step customer service took on a parcel in trouble")
    record TroubleNoteRequest(
            @Schema(example = "Called SF: the parcel is at the Hangzhou hub")
            String note) {}

    @Schema(description = "How a parcel's trouble ends")
    record TroubleResolutionRequest(
            @Schema(allowableValues = {"REDELIVER", "RETURN", "REFUND"})
            String outcome,

            @Schema(example = "SF delivers again on Monday") String note) {}

    @PostMapping("/{shipmentId}/trouble/notes")
    @Operation(summary = "Note a follow-up on a parcel in trouble (异常快递): a call to the carrier, a word with the buyer")
    Mono<ShipmentView> noteTrouble(@PathVariable String shipmentId, @RequestBody TroubleNoteRequest request) {
        return troubleStep(
                shipmentId,
                (shipment, staff) ->
                        shipment.troubleNoted(request == null ? null : request.note(), staff, clock.instant()));
    }

    @PostMapping("/{shipmentId}/trouble/resolution")
    @Operation(
            summary = "Decide how a parcel's trouble ends: REDELIVER, RETURN or REFUND",
            description =
                    "It leaves the exceptions queue. A delivery the carrier reports, or a complete re-check, ends "
                            + "trouble by itself.")
    Mono<ShipmentView> resolveTrouble(@PathVariable String shipmentId, @RequestBody TroubleResolutionRequest request) {
        Fulfillment.TroubleOutcome outcome;
        try {
            outcome = Fulfillment.TroubleOutcome.valueOf(
                    request == null || request.outcome() == null
                            ? ""
                            : request.outcome().strip());
        } catch (IllegalArgumentException unknown) {
            return Mono.error(Problems.invalid("outcome must be REDELIVER, RETURN or REFUND"));
        }
        return troubleStep(
                shipmentId,
                (shipment, staff) -> shipment.troubleResolved(outcome, request.note(), staff, clock.instant()));
    }

    private Mono<ShipmentView> troubleStep(
            String shipmentId, BiFunction<Fulfillment, String, Change<Fulfillment>> decide) {
        return StaffAccess.require(WarehouseAction.FOLLOW_UP_TROUBLE)
                .flatMap(staff -> visible(staff, shipmentId)
                        .flatMap(shipment -> fulfillments.change(
                                shipment.key(), current -> decide.apply(current, staff.username()))))
                .flatMap(views::of)
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()))
                .onErrorMap(ShipmentConflict.class, ShipmentController::conflict);
    }

    @Schema(description = "What the returned parcel held, every expected SKU accounted for")
    record ReturnReceiptRequest(
            List<Fulfillment.ReturnedLine> lines,
            @Schema(example = "box opened") String note) {}

    @PostMapping("/{shipmentId}/returns/{refundId}/receipt")
    @Operation(
            summary = "Receive an approved return: each SKU's units resellable, damaged or missing",
            description = "Resellable units go back to stock; ReturnReceived tells the refund desk what arrived. Once "
                    + "per return (409 before approval or when received already); 422 when the units do not add up.")
    Mono<ShipmentView> receiveReturn(
            @PathVariable String shipmentId, @PathVariable String refundId, @RequestBody ReturnReceiptRequest request) {
        return StaffAccess.require(WarehouseAction.RECEIVE_RETURNS)
                .flatMap(staff -> visible(staff, shipmentId)
                        .flatMap(shipment -> fulfillments.change(
                                shipment.key(),
                                current -> current.returnReceived(
                                        refundId,
                                        request == null ? null : request.lines(),
                                        request == null ? null : request.note(),
                                        staff.username(),
                                        clock.instant()))))
                .flatMap(views::of)
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()))
                .onErrorMap(ShipmentConflict.class, ShipmentController::conflict);
    }

    @PostMapping("/{shipmentId}/urges")
    @Operation(
            summary = "Record that the buyer urged dispatch (催发货)",
            description =
                    "The shipment's batch and its daily report mark it. Refused with 409 once it left the warehouse.")
    Mono<ShipmentView> urge(@PathVariable String shipmentId, @RequestBody(required = false) UrgeRequest request) {
        String note = request == null || request.note() == null
                ? null
                : request.note().strip();
        if (note != null && note.length() > 500) {
            return Mono.error(Problems.invalid("note must be at most 500 characters"));
        }
        return StaffAccess.require(WarehouseAction.RECORD_URGE)
                .flatMap(staff -> visible(staff, shipmentId)
                        .flatMap(shipment -> fulfillments.change(
                                shipment.key(), current -> current.urged(staff.username(), clock.instant(), note))))
                .flatMap(views::of)
                .onErrorMap(ShipmentConflict.class, ShipmentController::conflict);
    }

    private Mono<Fulfillment> visible(Staff staff, String shipmentId) {
        return Fulfillment.keyOf(shipmentId)
                .map(fulfillments::find)
                .orElseGet(Mono::empty)
                .filter(fulfillment -> staff.canSee(fulfillment.storeId()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Shipment", shipmentId)));
    }
}

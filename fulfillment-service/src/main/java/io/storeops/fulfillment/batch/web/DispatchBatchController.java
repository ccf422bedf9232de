package io.storeops.fulfillment.batch.web;

import io.storeops.fulfillment.access.WarehouseAction;
import io.storeops.fulfillment.batch.BatchConflict;
import io.storeops.fulfillment.batch.DispatchBatch;
import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.fulfillment.batch.DispatchSchedule;
import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/dispatch-batches")
@Tag(name = "Dispatch batches")
@SecurityRequirement(name = "bearer")
class DispatchBatchController {

    private final DispatchBatches batches;
    private final Fulfillments fulfillments;
    private final Clock clock;

    DispatchBatchController(DispatchBatches batches, Fulfillments fulfillments, Clock clock) {
        this.batches = batches;
        this.fulfillments = fulfillments;
        this.clock = clock;
    }

    record CutOffRequest(@Schema(example = "tmall-flagship") String storeId) {}

    @Schema(description = "Why each parcel of the batch that did not go out stays, by shipment id")
    record CloseRequest(Map<String, String> explanations) {}

    @Schema(name = "DispatchSchedule", description = "A store's cut-off: when the next batch is made")
    record ScheduleView(
            String storeId,
            ZoneId zone,
            LocalTime cutoff,
            List<DayOfWeek> weeklyRestDays,
            @Schema(description = "Rest days from today on") List<LocalDate> restDays,
            Instant nextCutoffAt,

            @Schema(description = "The batch that takes what is paid now: the next cut-off's")
            String collectingBatchId,

            @Schema(description = "The latest batch made, if any (without its shipments)")
            DispatchBatchView latestBatch) {}

    @GetMapping
    @Operation(summary = "A store's dispatch batches, newest first")
    Flux<DispatchBatchView> list(@RequestParam String storeId, @RequestParam(defaultValue = "30") int limit) {
        Problems.requireListLimit(limit);
        return StaffAccess.require(WarehouseAction.SEE_BATCHES)
                .map(staff -> staff.requireStore(storeId))
                .flatMapMany(staff -> batches.list(storeId, limit))
                .map(batch -> DispatchBatchView.of(batch, List.of()));
    }

    @GetMapping("/schedule")
    @Operation(summary = "A store's cut-off time, rest days and next cut-off (the batch page's countdown)")
    Mono<ScheduleView> schedule(@RequestParam String storeId) {
        return StaffAccess.require(WarehouseAction.SEE_BATCHES)
                .map(staff -> staff.requireStore(storeId))
                .map(staff -> scheduleOf(storeId))
                .flatMap(schedule -> {
                    Instant now = clock.instant();
                    LocalDate today = schedule.dayOf(now);
                    return Mono.zip(
                                    batches.collectingBatchId(storeId, schedule),
                                    batches.list(storeId, 1).next().singleOptional())
                            .map(collectingAndLatest -> new ScheduleView(
                                    storeId,
                                    schedule.zone(),
                                    schedule.cutoff(),
                                    schedule.weeklyRestDays().stream().sorted().toList(),
                                    schedule.restDays().stream()
                                            .filter(day -> !day.isBefore(today))
                                            .sorted()
                                            .toList(),
                                    schedule.nextCutoff(now).orElse(null),
                                    collectingAndLatest.getT1(),
                                    collectingAndLatest
                                            .getT2()
                                            .map(batch -> DispatchBatchView.of(batch, List.of()))
                                            .orElse(null)));
                });
    }

    @GetMapping("/{batchId}")
    @Operation(summary = "One batch with its shipments: the daily report on screen")
    Mono<DispatchBatchView> batch(@PathVariable String batchId) {
        return StaffAccess.require(WarehouseAction.SEE_BATCHES)
                .flatMap(staff -> visible(staff, batchId))
                .flatMap(this::withShipments);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Cut the next batch off now, before its cut-off",
            description = "The next batch is the next cut-off's: today's before the cut-off, else the next working "
                    + "day's. Shipments ready and paid by now go into it; later ones wait for the batch after. A day "
                    + "has one batch: if the next one is made already, 409.")
    Mono<DispatchBatchView> cutOffEarly(@RequestBody CutOffRequest request) {
        String storeId = request == null ? null : request.storeId();
        if (storeId == null || storeId.isBlank()) {
            return Mono.error(Problems.invalid("storeId is required"));
        }
        return StaffAccess.require(WarehouseAction.PRINT_BATCH)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> batches.cutOffEarly(storeId, scheduleOf(storeId), staff.username()))
                .flatMap(applied -> applied.outcome() == Applied.Outcome.APPLIED
                        ? withShipments(applied.state())
                        : Mono.error(Problems.conflict(
                                "batch-exists",
                                "Batch " + applied.state().batchId() + " was cut off at "
                                        + applied.state().cutoffAt() + " already; what is paid now goes into the "
                                        + "batch of the working day after.",
                                Map.of("batchId", applied.state().batchId()))));
    }

    @PostMapping("/{batchId}/printed")
    @Operation(summary = "The clerk printed every document of the batch and stamped them (once)")
    Mono<DispatchBatchView> printed(@PathVariable String batchId) {
        return step(
                batchId,
                WarehouseAction.PRINT_BATCH,
                (batch, staff) ->
                        batches.change(batch.batchId(), current -> current.printed(staff.username(), clock.instant())));
    }

    @PostMapping("/{batchId}/close")
    @Operation(
            summary = "The warehouse closes the batch: every parcel dispatched, or explained",
            description = "Cancelled parcels explain themselves; any other that did not go out needs an explanation "
                    + "and goes into the next batch. The daily report then goes to the manager.")
    Mono<DispatchBatchView> close(@PathVariable String batchId, @RequestBody(required = false) CloseRequest request) {
        Map<String, String> explanations =
                request == null || request.explanations() == null ? Map.of() : request.explanations();
        return step(
                batchId,
                WarehouseAction.DISPATCH,
                (batch, staff) -> batches.close(batch, explanations, staff.username()));
    }

    @PostMapping("/{batchId}/acknowledgement")
    @Operation(summary = "The department manager acknowledges the closed batch's daily report (once)")
    Mono<DispatchBatchView> acknowledge(@PathVariable String batchId) {
        return step(
                batchId,
                WarehouseAction.ACKNOWLEDGE_REPORT,
                (batch, staff) -> batches.change(
                        batch.batchId(), current -> current.acknowledge(staff.username(), clock.instant())));
    }

    private Mono<DispatchBatchView> step(
            String batchId, WarehouseAction action, BiFunction<DispatchBatch, Staff, Mono<DispatchBatch>> change) {
        return StaffAccess.require(action)
                .flatMap(staff -> visible(staff, batchId).flatMap(batch -> change.apply(batch, staff)))
                .flatMap(this::withShipments)
                .onErrorMap(
                        BatchConflict.class,
                        conflict -> Problems.conflict(
                                "batch-state",
                                conflict.getMessage(),
                                conflict.shipmentIds().isEmpty()
                                        ? Map.of(
                                                "currentStatus",
                                                conflict.current().name())
                                        : Map.of(
                                                "currentStatus",
                                                conflict.current().name(),
                                                "shipmentIds",
                                                conflict.shipmentIds())));
    }

    private DispatchSchedule scheduleOf(String storeId) {
        return batches.scheduleOf(storeId).orElseThrow(() -> Problems.notFound("Store", storeId));
    }

    private Mono<DispatchBatch> visible(Staff staff, String batchId) {
        return batches.find(batchId)
                .filter(batch -> staff.canSee(batch.storeId()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Dispatch batch", batchId)));
    }

    private Mono<DispatchBatchView> withShipments(DispatchBatch batch) {
        return shipmentsOf(batch).map(shipments -> DispatchBatchView.of(batch, shipments));
    }

    private Mono<List<Fulfillment>> shipmentsOf(DispatchBatch batch) {
        return fulfillments.findAll(batch.shipmentIds()).collectList();
    }
}

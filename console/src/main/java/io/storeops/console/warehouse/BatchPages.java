package io.storeops.console.warehouse;

import io.storeops.console.desk.Desk;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.DeskPage;
import io.storeops.console.desk.Desks;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import io.storeops.console.warehouse.WarehouseModel.Batch;
import io.storeops.console.warehouse.WarehouseModel.BatchShipment;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dispatch batch pages: the clerk's (cut-off countdown, early cut-off, documents, the printed
 * stamp), the warehouse's work list in the same batch (scan the outbound slip, check, dispatch with
 * the waybill's number, pull warnings, close) and the manager's acknowledgement. What a person may
 * do there follows their desk; each step answers with the batch as it now stands, in place.
 */
@Controller
class BatchPages {

    /** The documents of a batch, as the service names their kinds. */
    static final List<String> DOCUMENT_KINDS = List.of("daily-report", "outbound-slips", "waybills", "invoices");

    /** The carriers whose numbers the service checks, offered at the scan desk (with the parcel's own, if another). */
    static final List<String> CARRIERS =
            List.of("SF", "YTO", "ZTO", "STO", "YUNDA", "JD", "EMS", "UPS", "FEDEX", "DHL");

    private final WarehouseApi api;
    private final DeskPage deskPage;
    private final Desks desks;
    private final ProblemExplanations problems;
    private final MessageSource messages;
    private final Clock clock;

    BatchPages(
            WarehouseApi api,
            DeskPage deskPage,
            Desks desks,
            ProblemExplanations problems,
            MessageSource messages,
            Clock clock) {
        this.api = api;
        this.deskPage = deskPage;
        this.desks = desks;
        this.problems = problems;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/batches")
    Mono<String> batches(
            @RequestParam(required = false) String store, Model model, Locale locale, ServerWebExchange exchange) {
        return deskPage.of(WarehouseApi.SERVICE, "SEE_BATCHES", "batches", store, model, exchange)
                .flatMap(shown -> Mono.zip(api.schedule(shown.storeId()), api.batches(shown.storeId())))
                .doOnNext(found -> {
                    model.addAttribute("schedule", found.getT1());
                    model.addAttribute("untilCutoff", found.getT1().untilCutoff(clock.instant()));
                    // What the page's script fills in as the countdown ticks, in the reader's language.
                    model.addAttribute(
                            "countdownTemplate",
                            messages.getMessage("batches.countdown", new Object[] {"{h}", "{m}"}, locale));
                    model.addAttribute("batches", found.getT2());
                })
                .thenReturn("batches");
    }

    @GetMapping("/batches/{batchId}")
    Mono<String> batch(@PathVariable String batchId, Model model, ServerWebExchange exchange) {
        return Mono.zip(desks.current(), api.batch(batchId)).map(found -> {
            DeskContext.require(found.getT1(), WarehouseApi.SERVICE, "SEE_BATCHES");
            frame(found.getT1(), found.getT2(), model, exchange);
            return "batch";
        });
    }

    @GetMapping("/batches/{batchId}/documents")
    Mono<ResponseEntity<Flux<DataBuffer>>> allDocuments(@PathVariable String batchId) {
        return api.documents(batchId, null);
    }

    @GetMapping("/batches/{batchId}/documents/{kind}")
    Mono<ResponseEntity<Flux<DataBuffer>>> document(@PathVariable String batchId, @PathVariable String kind) {
        if (!DOCUMENT_KINDS.contains(kind)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return api.documents(batchId, kind);
    }

    record CutOffForm(String store) {}

    /** The clerk cuts the next batch off now; the answer is the new batch's page (or why not, on this page). */
    @PostMapping("/batches")
    Mono<String> cutOffEarly(@ModelAttribute CutOffForm form, Model model, Locale locale, ServerWebExchange exchange) {
        return api.cutOffEarly(form.store())
                .map(batch -> "redirect:/batches/" + batch.batchId())
                .onErrorResume(
                        ServiceProblem.class,
                        refused -> problems.showInPlace(refused, model, locale, exchange)
                                .then(batches(form.store(), model, locale, exchange)));
    }

    @PostMapping("/batches/{batchId}/printed")
    Mono<String> printed(@PathVariable String batchId, Model model, Locale locale, ServerWebExchange exchange) {
        return step(batchId, "PRINTED", api.markPrinted(batchId), model, locale, exchange);
    }

    @PostMapping("/batches/{batchId}/acknowledgement")
    Mono<String> acknowledge(@PathVariable String batchId, Model model, Locale locale, ServerWebExchange exchange) {
        return step(batchId, "ACKNOWLEDGED", api.acknowledge(batchId), model, locale, exchange);
    }

    /** The close form sends {@code explain.<shipmentId>} for each parcel that stays. */
    @PostMapping("/batches/{batchId}/close")
    Mono<String> close(@PathVariable String batchId, Model model, Locale locale, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> explanations = new LinkedHashMap<>();
            form.forEach((name, values) -> {
                if (name.startsWith("explain.")
                        && !values.isEmpty()
                        && !values.get(0).isBlank()) {
                    explanations.put(
                            name.substring("explain.".length()), values.get(0).strip());
                }
            });
            model.addAttribute("explanations", explanations);
            return step(batchId, "CLOSED", api.close(batchId, explanations), model, locale, exchange);
        });
    }

    /** A parcel's check against its outbound slip: complete, or a mismatch with what is missing. */
    /**
     * A parcel's check against its outbound slip: complete, or a mismatch with what is missing;
     * from the scan desk ({@code view=scan}) the parcel stays there, to be dispatched once complete.
     */
    record CheckForm(Boolean complete, String note, String view) {}

    @PostMapping("/batches/{batchId}/shipments/{shipmentId}/inspection")
    Mono<String> inspect(
            @PathVariable String batchId,
            @PathVariable String shipmentId,
            @ModelAttribute CheckForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        if ("scan".equals(form.view())) {
            model.addAttribute("scanned", shipmentId);
        }
        model.addAttribute("checkTyped", Map.of(shipmentId, form.note() == null ? "" : form.note()));
        return step(
                batchId,
                "CHECKED",
                api.inspect(shipmentId, Boolean.TRUE.equals(form.complete()), form.note())
                        .then(api.batch(batchId)),
                model,
                locale,
                exchange);
    }

    /** A dispatch at the scan desk: the carrier and the number on the carrier's label. */
    record DispatchForm(String carrier, String trackingNumber) {}

    @PostMapping("/batches/{batchId}/shipments/{shipmentId}/dispatch")
    Mono<String> dispatch(
            @PathVariable String batchId,
            @PathVariable String shipmentId,
            @ModelAttribute DispatchForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        // Until it is dispatched, the parcel stays on the scan desk with what was typed, to try again.
        model.addAttribute("scanned", shipmentId);
        model.addAttribute("typed", form);
        if (form.trackingNumber() != null && form.trackingNumber().strip().equalsIgnoreCase(shipmentId)) {
            // Our own label carries the shipment id until the carrier's number is known.
            model.addAttribute("scanProblemKey", "scan.ourLabel");
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            return step(batchId, null, api.batch(batchId), model, locale, exchange);
        }
        Mono<Batch> dispatched = api.dispatch(shipmentId, form.carrier(), form.trackingNumber())
                .doOnNext(shipment -> {
                    model.addAttribute("dispatched", shipment);
                    model.asMap().remove("scanned");
                    model.asMap().remove("typed");
                })
                .then(api.batch(batchId));
        return step(batchId, null, dispatched, model, locale, exchange);
    }

    /**
     * The warehouse scans a parcel's outbound slip (its shipment number; the order number will
     * do): the scan desk then shows that parcel, its lines to check and any pull warning, ready for
     * the waybill's number.
     */
    record ScanForm(String code) {}

    @PostMapping("/batches/{batchId}/scan")
    Mono<String> scan(
            @PathVariable String batchId, @ModelAttribute ScanForm form, Model model, ServerWebExchange exchange) {
        String scanned = form.code() == null ? "" : form.code().strip();
        return Mono.zip(desks.current(), api.batch(batchId)).map(found -> {
            Batch batch = found.getT2();
            frame(found.getT1(), batch, model, exchange);
            BatchShipment shipment = batch.shipments().stream()
                    .filter(candidate -> candidate.shipmentId().equalsIgnoreCase(scanned)
                            || candidate.orderId().equalsIgnoreCase(scanned)
                            || candidate.orderId().endsWith(":" + scanned))
                    // both parcels of a split order in one batch: the order number finds the one still to go
                    .min(Comparator.comparing(candidate -> candidate.dispatchedAt() != null || candidate.pull()))
                    .orElse(null);
            if (shipment == null) {
                model.addAttribute("scanProblem", scanned);
                exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            } else {
                model.addAttribute("scanned", shipment.shipmentId());
            }
            return "batch :: detail";
        });
    }

    /**
     * The batch after {@code change} (and {@code done}, if said): as the service answered it, or as
     * it stands with why it was refused.
     */
    private Mono<String> step(
            String batchId, String done, Mono<Batch> change, Model model, Locale locale, ServerWebExchange exchange) {
        return desks.current()
                .flatMap(desk -> change.map(changed -> {
                            if (done != null) {
                                model.addAttribute("done", done);
                            }
                            return changed;
                        })
                        .onErrorResume(
                                ServiceProblem.class,
                                refused -> problems.showInPlace(refused, model, locale, exchange)
                                        .then(api.batch(batchId)))
                        .map(batch -> {
                            frame(desk, batch, model, exchange);
                            return "batch :: detail";
                        }));
    }

    private static void frame(Desk desk, Batch batch, Model model, ServerWebExchange exchange) {
        DeskContext.frame(model, exchange, desk, batch.storeId(), "batch");
        model.addAttribute("batch", batch);
        model.addAttribute("documentKinds", DOCUMENT_KINDS);
        model.addAttribute("carriers", CARRIERS);
    }
}

package io.storeops.console.warehouse;

import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.DeskPage;
import io.storeops.console.desk.Desks;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import io.storeops.console.warehouse.WarehouseModel.ReturnedLine;
import io.storeops.console.warehouse.WarehouseModel.Shipment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The warehouse's two queues: parcels in trouble (异常快递) for after-sale customer service to
 * follow up and resolve, and approved returns for the warehouse to receive and inspect. Each step
 * answers with the parcel's card as it now stands, in place.
 */
@Controller
class QueuePages {

    /** How customer service may end a parcel's trouble (the service's values). */
    static final List<String> OUTCOMES = List.of("REDELIVER", "RETURN", "REFUND");

    private final WarehouseApi api;
    private final DeskPage deskPage;
    private final Desks desks;
    private final ProblemExplanations problems;

    QueuePages(WarehouseApi api, DeskPage deskPage, Desks desks, ProblemExplanations problems) {
        this.api = api;
        this.deskPage = deskPage;
        this.desks = desks;
        this.problems = problems;
    }

    @GetMapping("/shipment-exceptions")
    Mono<String> exceptions(@RequestParam(required = false) String store, Model model, ServerWebExchange exchange) {
        return deskPage.of(WarehouseApi.SERVICE, "SEE_QUEUES", "exceptions", store, model, exchange)
                .flatMap(shown -> api.exceptions(shown.storeId()))
                .doOnNext(parcels -> model.addAttribute("parcels", parcels))
                .then(Mono.fromSupplier(() -> {
                    model.addAttribute("outcomes", OUTCOMES);
                    return "exceptions";
                }));
    }

    @GetMapping("/returns")
    Mono<String> returns(@RequestParam(required = false) String store, Model model, ServerWebExchange exchange) {
        return deskPage.of(WarehouseApi.SERVICE, "SEE_QUEUES", "returns", store, model, exchange)
                .flatMap(shown -> api.awaitedReturns(shown.storeId()))
                .doOnNext(parcels -> model.addAttribute("parcels", parcels))
                .thenReturn("returns");
    }

    record NoteForm(String note) {}

    record ResolutionForm(String outcome, String note) {}

    @PostMapping("/shipments/{shipmentId}/trouble/notes")
    Mono<String> noteTrouble(
            @PathVariable String shipmentId,
            @ModelAttribute NoteForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedNote", form.note());
        return card(
                shipmentId, "exceptions :: parcel", api.noteTrouble(shipmentId, form.note()), model, locale, exchange);
    }

    @PostMapping("/shipments/{shipmentId}/trouble/resolution")
    Mono<String> resolveTrouble(
            @PathVariable String shipmentId,
            @ModelAttribute ResolutionForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedResolution", form);
        return card(
                shipmentId,
                "exceptions :: parcel",
                api.resolveTrouble(shipmentId, form.outcome(), form.note()),
                model,
                locale,
                exchange);
    }

    /**
     * The receipt form sends, per expected SKU, {@code sku}, {@code resellable}, {@code damaged} and
     * {@code missing} in the same order, and a {@code note}.
     */
    @PostMapping("/shipments/{shipmentId}/returns/{refundId}/receipt")
    Mono<String> receiveReturn(
            @PathVariable String shipmentId,
            @PathVariable String refundId,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            model.addAttribute("typedCounts", typedCounts(form));
            model.addAttribute("typedNote", form.getFirst("note"));
            List<ReturnedLine> lines = returnedLines(form);
            if (lines == null) {
                model.addAttribute("problemKey", "returns.countsInvalid");
                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                return card(shipmentId, "returns :: parcel", Mono.empty(), model, locale, exchange);
            }
            return card(
                    shipmentId,
                    "returns :: parcel",
                    api.receiveReturn(shipmentId, refundId, lines, form.getFirst("note")),
                    model,
                    locale,
                    exchange);
        });
    }

    /** What was typed per line of a receipt form, to show again when it is refused. */
    private static List<Map<String, String>> typedCounts(MultiValueMap<String, String> form) {
        List<Map<String, String>> typed = new ArrayList<>();
        for (int line = 0; line < form.getOrDefault("sku", List.of()).size(); line++) {
            Map<String, String> counts = new HashMap<>();
            for (String field : List.of("resellable", "damaged", "missing")) {
                List<String> values = form.getOrDefault(field, List.of());
                counts.put(field, line < values.size() ? values.get(line) : "");
            }
            typed.add(counts);
        }
        return typed;
    }

    /** The lines of a receipt form, or null when a count is not a whole number of units. */
    private static List<ReturnedLine> returnedLines(MultiValueMap<String, String> form) {
        List<String> skus = form.getOrDefault("sku", List.of());
        List<ReturnedLine> lines = new ArrayList<>();
        try {
            for (int i = 0; i < skus.size(); i++) {
                lines.add(new ReturnedLine(
                        skus.get(i),
                        units(form, "resellable", i),
                        units(form, "damaged", i),
                        units(form, "missing", i)));
            }
        } catch (NumberFormatException | IndexOutOfBoundsException notUnits) {
            return null;
        }
        return lines;
    }

    private static int units(MultiValueMap<String, String> form, String field, int line) {
        String value = form.getOrDefault(field, List.of()).get(line);
        return value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
    }

    /** A parcel's card after {@code change}: as the service answered it, or as it stands with why it was refused. */
    private Mono<String> card(
            String shipmentId,
            String fragment,
            Mono<Shipment> change,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return desks.current()
                .flatMap(desk -> change.doOnNext(changed -> {
                            model.addAttribute("done", true);
                            List.of("typedNote", "typedResolution", "typedCounts")
                                    .forEach(model.asMap()::remove);
                        })
                        .onErrorResume(
                                ServiceProblem.class,
                                refused -> problems.showInPlace(refused, model, locale, exchange)
                                        .then(Mono.empty()))
                        .switchIfEmpty(api.shipment(shipmentId))
                        .map(parcel -> {
                            DeskContext.frame(model, exchange, desk, parcel.storeId(), "queue");
                            model.addAttribute("parcel", parcel);
                            model.addAttribute("outcomes", OUTCOMES);
                            return fragment;
                        }));
    }
}

package io.storeops.console.orders;

import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Order search with every filter of the service's search, a page at a time ("more" appends the next
 * page in place), and the same search as the service's CSV file.
 */
@Controller
class SearchPages {

    /** The service's search filters, passed on as they were typed; the service checks them. */
    static final List<String> FILTERS =
            List.of("status", "paidFrom", "paidTo", "holdReason", "hasBuyerNote", "sku", "buyer", "carrier");

    static final List<String> STATUSES = List.of(
            "PLACED",
            "PAID",
            "ON_HOLD",
            "READY",
            "PARTIALLY_SHIPPED",
            "SHIPPED",
            "DELIVERED",
            "COMPLETED",
            "CANCELLED",
            "PARTIALLY_REFUNDED",
            "REFUNDED");
    static final List<String> HOLD_REASONS =
            List.of("BUYER_NOTE", "ADDRESS_CHECK", "HIGH_VALUE", "OUT_OF_STOCK", "RISK", "MANUAL");
    private static final int PAGE_SIZE = 50;

    private final OrderDeskApi api;
    private final Desks desks;
    private final ProblemExplanations problems;

    SearchPages(OrderDeskApi api, Desks desks, ProblemExplanations problems) {
        this.api = api;
        this.desks = desks;
        this.problems = problems;
    }

    @GetMapping("/orders")
    Mono<String> search(
            @RequestParam(required = false) String store,
            @RequestParam(required = false) String cursor,
            @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return desks.current().flatMap(desk -> {
            DeskContext.require(desk, "LOOK_UP");
            DeskStore shown = DeskContext.frame(model, exchange, desk, store, "search");
            MultiValueMap<String, String> filters = filters(query);
            model.addAttribute("filters", filters.toSingleValueMap());
            String statuses = filters.getFirst("status");
            model.addAttribute("chosenStatuses", statuses == null ? List.of() : List.of(statuses.split(",")));
            model.addAttribute("statuses", STATUSES);
            model.addAttribute("holdReasons", HOLD_REASONS);
            if (shown == null) {
                model.addAttribute("results", List.of());
                return Mono.just("search");
            }
            model.addAttribute("exportUrl", DeskContext.url("/orders/export", shown, filters, null));
            MultiValueMap<String, String> pageQuery = new LinkedMultiValueMap<>(filters);
            pageQuery.add("storeId", shown.storeId());
            pageQuery.add("limit", String.valueOf(PAGE_SIZE));
            if (cursor != null && !cursor.isBlank()) {
                pageQuery.add("cursor", cursor);
            }
            return api.search(pageQuery)
                    .map(page -> {
                        model.addAttribute("results", page.orders());
                        model.addAttribute(
                                "moreUrl",
                                page.nextCursor() == null
                                        ? null
                                        : DeskContext.url("/orders", shown, filters, page.nextCursor()));
                        return htmx != null && cursor != null ? "search :: page" : "search";
                    })
                    .onErrorResume(
                            refused -> refused instanceof ServiceProblem problem
                                    && problem.status() == HttpStatus.BAD_REQUEST.value(),
                            refused -> { // a filter the service cannot use: said above the form, the filters kept
                                model.addAttribute("problem", problems.explain((ServiceProblem) refused, locale));
                                model.addAttribute("results", List.of());
                                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                                return Mono.just("search");
                            });
        });
    }

    @GetMapping("/orders/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(
            @RequestParam String store, @RequestParam MultiValueMap<String, String> query) {
        MultiValueMap<String, String> filters = filters(query);
        filters.add("storeId", store);
        return api.export(filters);
    }

    /** The filters as the service takes them: each once, several statuses separated by commas. */
    private static MultiValueMap<String, String> filters(MultiValueMap<String, String> query) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        for (String name : FILTERS) {
            String value = query.getOrDefault(name, List.of()).stream()
                    .filter(chosen -> chosen != null && !chosen.isBlank())
                    .map(String::trim)
                    .collect(Collectors.joining(","));
            if (!value.isEmpty()) {
                filters.add(name, value);
            }
        }
        return filters;
    }
}

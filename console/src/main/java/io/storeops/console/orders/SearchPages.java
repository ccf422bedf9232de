package io.storeops.console.orders;

import io.storeops.console.orders.OrderDeskModel.DeskStore;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
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

    SearchPages(OrderDeskApi api) {
        this.api = api;
    }

    @GetMapping("/orders")
    Mono<String> search(
            @RequestParam(required = false) String store,
            @RequestParam(required = false) String cursor,
            @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            ServerWebExchange exchange) {
        return api.desk().flatMap(desk -> {
            DeskContext.require(desk, "LOOK_UP");
            DeskStore shown = DeskContext.frame(model, exchange, desk, store, "search");
            MultiValueMap<String, String> filters = filters(query);
            model.addAttribute("filters", filters.toSingleValueMap());
            model.addAttribute("statuses", STATUSES);
            model.addAttribute("holdReasons", HOLD_REASONS);
            if (shown == null) {
                model.addAttribute("results", List.of());
                return Mono.just("search");
            }
            model.addAttribute("exportUrl", url("/orders/export", shown, filters, null));
            MultiValueMap<String, String> pageQuery = new LinkedMultiValueMap<>(filters);
            pageQuery.add("storeId", shown.storeId());
            pageQuery.add("limit", String.valueOf(PAGE_SIZE));
            if (cursor != null && !cursor.isBlank()) {
                pageQuery.add("cursor", cursor);
            }
            return api.search(pageQuery).map(page -> {
                model.addAttribute("results", page.orders());
                model.addAttribute(
                        "moreUrl",
                        page.nextCursor() == null ? null : url("/orders", shown, filters, page.nextCursor()));
                return htmx != null && cursor != null ? "search :: page" : "search";
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

    private static MultiValueMap<String, String> filters(MultiValueMap<String, String> query) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        for (String name : FILTERS) {
            String value = query.getFirst(name);
            if (value != null && !value.isBlank()) {
                filters.add(name, value.trim());
            }
        }
        return filters;
    }

    private static String url(String path, DeskStore store, MultiValueMap<String, String> filters, String cursor) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path)
                .queryParam("store", store.storeId())
                .queryParams(filters);
        if (cursor != null) {
            url.queryParam("cursor", cursor);
        }
        return url.encode().build().toUriString();
    }
}

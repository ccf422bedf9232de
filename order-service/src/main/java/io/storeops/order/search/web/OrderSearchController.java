package io.storeops.order.search.web;

import io.storeops.order.lifecycle.HoldReason;
import io.storeops.order.lifecycle.OrderStatus;
import io.storeops.order.lifecycle.web.OrderDeskAction;
import io.storeops.order.search.OrderSearch;
import io.storeops.order.search.OrderSearches;
import io.storeops.platform.paging.PageCursor;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.web.Pages;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Order search with cursor pagination, and the same search as a streamed CSV file. */
@RestController
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class OrderSearchController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    /** Lets spreadsheet programs recognise UTF-8, so Chinese names and notes open readable. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final OrderSearches searches;
    private final StoreCatalog stores;
    private final Clock clock;

    OrderSearchController(OrderSearches searches, StoreCatalog stores, Clock clock) {
        this.searches = searches;
        this.stores = stores;
        this.clock = clock;
    }

    /** The search filters as query parameters; each is checked here so that a bad one gets a clear 400. */
    record SearchFilters(
            @Parameter(
                    description = "The store to search (required; must be in your token)",
                    example = "tmall-flagship")
            String storeId,

            @Parameter(description = "Order status; several separated by commas", example = "ON_HOLD,READY")
            String status,

            @Parameter(description = "First day of payment, in the store's time zone", example = "2026-11-01")
            String paidFrom,

            @Parameter(
                    description = "Last day of payment (inclusive), in the store's time zone",
                    example = "2026-11-30")
            String paidTo,

            @Parameter(description = "Hold reason", example = "BUYER_NOTE")
            String holdReason,

            @Parameter(description = "Only orders with (true) or without (false) a buyer note", example = "true")
            String hasBuyerNote,

            @Parameter(description = "An item's SKU", example = "TEA-LONGJING-250")
            String sku,

            @Parameter(description = "Buyer's or recipient's name, e-mail or phone", example = "13800138000")
            String buyer,

            @Parameter(description = "Carrier used or requested", example = "SF")
            String carrier) {

        OrderSearch search(ZoneId zone) {
            try {
                return new OrderSearch(
                        storeId,
                        zone,
                        choices(OrderStatus.all(), status, "status"),
                        day(paidFrom, "paidFrom"),
                        day(paidTo, "paidTo"),
                        choice(List.of(HoldReason.values()), holdReason, "holdReason"),
                        yesNo(hasBuyerNote),
                        sku,
                        buyer,
                        carrier);
            } catch (IllegalArgumentException invalid) {
                throw Problems.badRequest("invalid-search", invalid.getMessage());
            }
        }

        private static <T> Set<T> choices(List<T> allowed, String values, String name) {
            return values == null
                    ? Set.of()
                    : Arrays.stream(values.split(","))
                            .filter(value -> !value.isBlank())
                            .map(value -> choice(allowed, value, name))
                            .collect(Collectors.toSet());
        }

        private static <T> T choice(List<T> allowed, String value, String name) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return allowed.stream()
                    .filter(constant -> constant.toString().equals(value.trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " must be one of " + allowed + "."));
        }

        private static LocalDate day(String value, String name) {
            try {
                return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
            } catch (DateTimeParseException malformed) {
                throw new IllegalArgumentException(name + " must be a date like 2026-11-28.");
            }
        }

        private static Boolean yesNo(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return switch (value.trim()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("hasBuyerNote must be true or false.");
            };
        }
    }

    /** Which page of a search: its size and where it starts. */
    record PageParameters(
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50")
            String limit,

            @Parameter(description = "nextCursor of the previous page")
            String cursor) {

        int pageSize() {
            int size;
            try {
                size = limit == null || limit.isBlank() ? 50 : Integer.parseInt(limit.trim());
            } catch (NumberFormatException notANumber) {
                size = 0;
            }
            Problems.requireListLimit(size);
            return size;
        }

        PageCursor after() {
            return Pages.after(cursor);
        }
    }

    /** One page of results and where the next one starts (null on the last page). */
    record OrderPage(List<OrderSummary> orders, String nextCursor) {}

    @GetMapping("/api/orders")
    @Operation(
            summary = "Search a store's orders, newest first, a page at a time",
            description = "Filters combine (all must match). Pages follow nextCursor until it is null; orders arriving "
                    + "meanwhile never shift or repeat a page.")
    Mono<OrderPage> search(@ParameterObject SearchFilters filters, @ParameterObject PageParameters page) {
        int size = page.pageSize();
        return authorized(filters, OrderDeskAction.LOOK_UP)
                .flatMap(search -> searches.find(search, page.after(), size + 1)
                        .map(OrderSummary::of)
                        .collectList()
                        .map(found -> found.size() <= size
                                ? new OrderPage(found, null)
                                : new OrderPage(
                                        found.subList(0, size),
                                        new PageCursor(
                                                        found.get(size - 1).placedAt(),
                                                        found.get(size - 1).orderId())
                                                .encode())));
    }

    @GetMapping(value = "/api/orders/export", produces = "text/csv")
    @Operation(
            summary = "The same search as a CSV file, streamed (all matches, no paging)",
            description =
                    "UTF-8 with a byte order mark, RFC 4180 quoting, times in the store's zone, money as decimals; "
                            + "with the recipient's phone, the address and the item titles for the warehouse and couriers. "
                            + "For managers, store managers, supervisors and after-sale customer service.")
    Mono<ResponseEntity<Flux<String>>> export(@ParameterObject SearchFilters filters) {
        return authorized(filters, OrderDeskAction.EXPORT).map(search -> {
            OrderCsv csv = new OrderCsv(search.zone());
            Flux<String> rows = searches.find(search, null).map(order -> csv.row(OrderSummary.of(order)));
            String file = "orders-" + search.storeId() + "-" + LocalDate.now(clock.withZone(search.zone())) + ".csv";
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(file)
                                    .build()
                                    .toString())
                    .body(Flux.concat(Flux.just(BYTE_ORDER_MARK + csv.header()), rows));
        });
    }

    private Mono<OrderSearch> authorized(SearchFilters parameters, OrderDeskAction action) {
        return StaffAccess.require(action).map(staff -> {
            if (parameters.storeId() == null || parameters.storeId().isBlank()) {
                throw Problems.badRequest("invalid-search", "storeId is required.");
            }
            staff.requireStore(parameters.storeId());
            ZoneId zone = stores.find(parameters.storeId())
                    .orElseThrow(() -> Problems.notFound("Store", parameters.storeId()))
                    .zone();
            return parameters.search(zone);
        });
    }
}

package io.storeops.fulfillment.stock.web;

import io.storeops.fulfillment.access.WarehouseAction;
import io.storeops.fulfillment.stock.StockImport;
import io.storeops.fulfillment.stock.StockItem;
import io.storeops.fulfillment.stock.StockLedger;
import io.storeops.fulfillment.stock.StockMovement;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The stock ledger (库存): what is on hand per store and SKU, counted, adjusted or imported, every change audited. */
@RestController
@Tag(name = "Stock")
@SecurityRequirement(name = "bearer")
class StockController {

    private final StockLedger ledger;
    private final StockImports imports;
    private final Clock clock;

    StockController(StockLedger ledger, StockImports imports, Clock clock) {
        this.ledger = ledger;
        this.imports = imports;
        this.clock = clock;
    }

    @Schema(description = "One SKU's stock in a list: on hand, reserved for shipments, available for new orders")
    record StockLevel(String sku, int onHand, int reservedUnits, int available, Instant changedAt) {

        static StockLevel of(StockItem item) {
            return new StockLevel(
                    item.sku(),
                    item.onHand(),
                    item.reservedUnits(),
                    item.available(),
                    item.movements().isEmpty()
                            ? null
                            : item.movements().get(item.movements().size() - 1).at());
        }
    }

    @Schema(
            description = "One SKU's stock: the units reserved per shipment, the shipments waiting (in the order they "
                    + "will be served) and the movements, oldest first")
    record StockItemView(
            String storeId,
            String sku,
            int onHand,
            int reservedUnits,
            int available,
            List<StockItem.Reservation> reserved,
            List<StockItem.Waiting> waiting,
            List<StockMovement> movements) {

        static StockItemView of(StockItem item) {
            return new StockItemView(
                    item.storeId(),
                    item.sku(),
                    item.onHand(),
                    item.reservedUnits(),
                    item.available(),
                    item.reserved(),
                    item.waiting(),
                    item.movements());
        }
    }

    @Schema(description = "A page of a store's stock, in SKU order, and where the next page starts (null at the end)")
    record StockPage(List<StockLevel> items, String nextCursor) {}

    @Schema(description = "A stock count: the units on hand now")
    record Count(
            @Schema(example = "120") Integer onHand,
            @Schema(example = "monthly count") String reason) {}

    @Schema(description = "Units received (positive) or taken out (negative)")
    record Adjustment(
            @Schema(example = "-2") Integer delta,
            @Schema(example = "damaged in the warehouse") String reason) {}

    @GetMapping("/api/stock")
    @Operation(summary = "A store's stock, a page at a time, in SKU order")
    Mono<StockPage> list(
            @RequestParam String storeId,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String cursor) {
        Problems.requireListLimit(limit);
        String afterSku = afterSku(cursor);
        return staff(WarehouseAction.SEE_STOCK, storeId)
                .flatMapMany(staff -> ledger.list(storeId, afterSku, limit + 1))
                .map(StockLevel::of)
                .collectList()
                .map(found -> found.size() <= limit
                        ? new StockPage(found, null)
                        : new StockPage(
                                found.subList(0, limit),
                                cursorAfter(found.get(limit - 1).sku())));
    }

    @GetMapping("/api/stock/{storeId}/{sku}")
    @Operation(summary = "One SKU's stock: reservations, waiting shipments, movements (the latest 500)")
    Mono<StockItemView> item(@PathVariable String storeId, @PathVariable String sku) {
        return staff(WarehouseAction.SEE_STOCK, storeId)
                .flatMap(staff -> ledger.find(storeId, sku))
                .map(StockItemView::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Stock of SKU", sku)));
    }

    @PutMapping("/api/stock/{storeId}/{sku}")
    @Operation(
            summary = "Count a SKU: the units on hand from now on",
            description = "Who counted comes from the token; the count and the difference to the ledger are audited.")
    Mono<StockItemView> count(@PathVariable String storeId, @PathVariable String sku, @RequestBody Count count) {
        if (count.onHand() == null) {
            return Mono.error(Problems.invalid("onHand is required."));
        }
        return staff(WarehouseAction.KEEP_STOCK, storeId)
                .flatMap(staff -> ledger.count(request(staff, storeId, sku, count.onHand(), count.reason(), null)))
                .map(StockItemView::of)
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()));
    }

    @PostMapping("/api/stock/{storeId}/{sku}/adjustments")
    @Operation(
            summary = "Receive or take out units of a SKU",
            description = "A negative delta that would leave less than nothing is refused (422); nothing changes.")
    Mono<StockItemView> adjust(
            @PathVariable String storeId,
            @PathVariable String sku,
            @RequestBody Adjustment adjustment,
            @Parameter(
                            description =
                                    "Repeating a request with the same key (a retry after a lost answer) applies it once")
                    @RequestHeader(value = "Idempotency-Key", required = false)
                    String requestKey) {
        if (adjustment.delta() == null) {
            return Mono.error(Problems.invalid("delta is required."));
        }
        if (requestKey != null && (requestKey.isBlank() || requestKey.length() > 100)) {
            return Mono.error(Problems.invalid("Idempotency-Key must be 1 to 100 characters."));
        }
        return staff(WarehouseAction.KEEP_STOCK, storeId)
                .flatMap(staff -> ledger.adjust(
                        request(staff, storeId, sku, adjustment.delta(), adjustment.reason(), requestKey)))
                .map(StockItemView::of)
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()));
    }

    @PostMapping(value = "/api/stock/{storeId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import a stock file (CSV or XLSX): counts or adjustments, row by row",
            description = "The first row names the columns: sku, and onHand (a count) or delta (adjustments), "
                    + "optionally reason (English or Chinese headings such as 商家编码, 库存, 备注). Each row is applied "
                    + "whole or refused; the answer reports how many were applied and each refused row with why.")
    Mono<StockImport.Report> importFile(@PathVariable String storeId, @RequestPart("file") FilePart file) {
        return staff(WarehouseAction.KEEP_STOCK, storeId)
                .flatMap(staff -> imports.run(storeId, file, staff.username()));
    }

    private StockMovement.Request request(
            Staff staff, String storeId, String sku, int quantity, String reason, String requestKey) {
        return new StockMovement.Request(
                storeId, sku, quantity, reason, staff.username(), "api", clock.instant(), requestKey);
    }

    private static Mono<Staff> staff(WarehouseAction action, String storeId) {
        return StaffAccess.require(action).map(staff -> staff.requireStore(storeId));
    }

    private static String cursorAfter(String sku) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sku.getBytes(StandardCharsets.UTF_8));
    }

    private static String afterSku(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notOurs) {
            throw Problems.badRequest("invalid-cursor", "cursor is not a nextCursor from an earlier page.");
        }
    }
}

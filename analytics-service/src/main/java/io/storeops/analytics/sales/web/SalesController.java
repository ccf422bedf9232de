package io.storeops.analytics.sales.web;

import io.storeops.analytics.sales.CurrencySales;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.analytics.sales.SalesWindow;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Sales")
@SecurityRequirement(name = "bearer")
class SalesController {

    private final SalesFacts facts;
    private final StoreCatalog stores;
    private final Clock clock;

    SalesController(SalesFacts facts, StoreCatalog stores, Clock clock) {
        this.facts = facts;
        this.stores = stores;
        this.clock = clock;
    }

    record SalesSummary(String storeId, LocalDate from, LocalDate to, List<CurrencySales> currencies) {}

    @GetMapping("/sales")
    @Operation(
            summary = "Paid orders and GMV (minor units) per currency over store-local days, both ends included",
            description = "Without dates: the last 30 days up to today, in the store's time zone.")
    Mono<SalesSummary> sales(
            @RequestParam String storeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ZoneId zone = stores.find(storeId).map(StoreProperties.Store::zone).orElse(ZoneOffset.UTC);
        SalesWindow window = SalesWindow.asked(from, to, clock.instant(), zone);
        if (!window.valid()) {
            return Mono.error(
                    Problems.badRequest("invalid-range", "from must not be after to, and the range at most 366 days."));
        }
        return StaffAccess.require(StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff ->
                        facts.sales(storeId, window.from(), window.to()).collectList())
                .map(currencies -> new SalesSummary(storeId, window.from(), window.to(), currencies));
    }
}

package io.storeops.analytics.reports.web;

import io.storeops.analytics.reports.OperationsReports;
import io.storeops.analytics.reports.PeriodReport;
import io.storeops.analytics.reports.ReportPeriod;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/analytics/reports")
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
class ReportsController {

    /** Who reads the department's reports. */
    static final StaffRole[] READERS = {StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION};

    private final OperationsReports reports;
    private final StoreCatalog stores;
    private final Clock clock;

    ReportsController(OperationsReports reports, StoreCatalog stores, Clock clock) {
        this.reports = reports;
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/{kind}")
    @Operation(
            summary = "The daily operations report, or the weekly, monthly or quarterly summary, of one store",
            description = "kind: daily, weekly, monthly or quarterly; period: 2026-11-29, 2026-W48, 2026-11 or 2026-Q4 "
                    + "(by default the one holding today in the store's zone). Orders, GMV, AOV, cancellations, parcels "
                    + "dispatched and dispatched late (after their batch's day), parcels in trouble, refunds and the "
                    + "refund rate, ad spend, ROI and ROI net of refunds; the same for the period before and the "
                    + "change (4 places, 0.1250 is 12.5 % more); the quarter's sales target as of the period's end; "
                    + "each day's orders and GMV; the five keywords that spent most.")
    Mono<PeriodReport> report(
            @Parameter(description = "daily, weekly, monthly or quarterly", example = "weekly") @PathVariable
                    String kind,
            @Parameter(example = "tmall-flagship") @RequestParam String storeId,
            @Parameter(description = "2026-11-29, 2026-W48, 2026-11 or 2026-Q4", example = "2026-W48")
                    @RequestParam(required = false)
                    String period) {
        ReportPeriod asked = period(kind, period, storeId);
        return StaffAccess.require(READERS)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> reports.report(storeId, asked));
    }

    private ReportPeriod period(String kind, String period, String storeId) {
        ReportPeriod.Kind reportKind;
        try {
            reportKind = ReportPeriod.Kind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Problems.notFound("Report kind", kind);
        }
        StoreProperties.Store store = stores.find(storeId).orElseThrow(() -> Problems.notFound("Store", storeId));
        if (period == null || period.isBlank()) {
            return ReportPeriod.holding(reportKind, LocalDate.ofInstant(clock.instant(), store.zone()));
        }
        try {
            return ReportPeriod.parse(reportKind, period);
        } catch (IllegalArgumentException unreadable) {
            throw Problems.badRequest("invalid-parameter", unreadable.getMessage());
        }
    }
}

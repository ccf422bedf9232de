package io.storeops.analytics.pages.web;

import io.storeops.analytics.pages.PageVersionAnalysis;
import io.storeops.analytics.pages.PageVersionReport;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.sheets.SheetFormat;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.platform.web.FileDownloads;
import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/analytics/listings")
@Tag(name = "Page versions")
@SecurityRequirement(name = "bearer")
class PageVersionController {

    /** Who reads what each page version brought: the promotion desk, and the designer whose pages they are. */
    static final StaffRole[] READERS = {
        StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION, StaffRole.DESIGNER
    };

    private final PageVersionAnalysis analysis;
    private final StoreCatalog stores;
    private final Clock clock;

    PageVersionController(PageVersionAnalysis analysis, StoreCatalog stores, Clock clock) {
        this.analysis = analysis;
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping("/{productId}/page-versions")
    @Operation(
            summary = "What each page version of a product brought in a store, before and after (页面优化)",
            description = "Each version the listing flow published in the store (pageVersion, what it changed, its "
                    + "SKUs and storefront item id, when it was published and when it ended) with its store-local "
                    + "days (from the day it was published to the day before the next version was, or the day it "
                    + "was withdrawn, or today), and over those days: paid orders holding its SKUs, units, GMV of its "
                    + "SKUs' lines, refunded and net, AOV; visitors and page views from the per-item traffic exports "
                    + "and conversion (orders / visitors, 4 places); impressions, clicks, CTR and spend from the "
                    + "pay-per-click reports' rows of its item and ROI (GMV / spend, 2 places, and net of refunds); "
                    + "the same per day; and the change from the latest earlier version with a day (comparedWith), "
                    + "as a share of it, 4 places (0.2500 is 25 % more). An item row meets a version by its "
                    + "storefront item id, else a SKU, else its title. Money in minor units; null where nothing "
                    + "divides.")
    Mono<PageVersionReport> pageVersions(
            @Parameter(description = "the product (SPU code) as the listing flow names it", example = "TEA-LJ")
                    @PathVariable
                    String productId,
            @Parameter(example = "tmall-flagship") @RequestParam String storeId) {
        return report(productId, storeId);
    }

    @GetMapping("/{productId}/page-versions/sheet")
    @Operation(
            summary = "The same page versions and their figures as a spreadsheet download (XLSX or CSV)",
            description = "One line per version; money in the currency's units (元, dollars) at its decimals; rates and "
                    + "changes as in the JSON.")
    Mono<ResponseEntity<Flux<DataBuffer>>> pageVersionsSheet(
            @PathVariable String productId,
            @RequestParam String storeId,
            @Parameter(description = "xlsx (default) or csv") @RequestParam(defaultValue = "xlsx") String format) {
        // who may read comes first: a caller who may not learns nothing, not even that the format is wrong
        return StaffAccess.require(READERS)
                .map(staff -> staff.requireStore(storeId))
                .map(staff -> SheetFormat.named(format)
                        .orElseThrow(() -> Problems.badRequest(
                                "invalid-parameter", "format must be xlsx or csv, not '" + format + "'.")))
                .flatMap(sheetFormat -> report(productId, storeId)
                        .flatMap(report -> FileDownloads.sheet(
                                List.of(PageVersionSheets.versions(report)),
                                sheetFormat,
                                "page-versions-" + productId + "-" + storeId + "-" + report.today() + "."
                                        + sheetFormat.extension())));
    }

    private Mono<PageVersionReport> report(String productId, String storeId) {
        // who may read comes first: a caller who may not learns nothing of the store or the product
        return StaffAccess.require(READERS)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> {
                    StoreProperties.Store store =
                            stores.find(storeId).orElseThrow(() -> Problems.notFound("Store", storeId));
                    LocalDate today = LocalDate.ofInstant(clock.instant(), store.zone());
                    return analysis.report(storeId, store, productId, today)
                            .switchIfEmpty(Mono.error(() -> new ProblemException(
                                    HttpStatus.NOT_FOUND,
                                    "not-found",
                                    "Page versions not found",
                                    "Product " + productId + " was never published in store " + storeId
                                            + ": it has no page version there.")));
                });
    }
}

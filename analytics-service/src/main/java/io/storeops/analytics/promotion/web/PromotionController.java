package io.storeops.analytics.promotion.web;

import io.storeops.analytics.promotion.Dimension;
import io.storeops.analytics.promotion.PromotionAnalysis;
import io.storeops.analytics.promotion.PromotionFigures;
import io.storeops.analytics.promotion.PromotionTable;
import io.storeops.analytics.sales.SalesWindow;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.sheets.SheetFormat;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.platform.web.FileDownloads;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/analytics/promotion")
@Tag(name = "Promotion figures")
@SecurityRequirement(name = "bearer")
class PromotionController {

    /** The designer reads what the pages they built brought (by landing page), and nothing else here. */
    static final StaffRole[] PAGE_READERS = {
        StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION, StaffRole.DESIGNER
    };

    private final PromotionAnalysis analysis;
    private final StoreCatalog stores;
    private final Clock clock;

    PromotionController(PromotionAnalysis analysis, StoreCatalog stores, Clock clock) {
        this.analysis = analysis;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * One value's figures. Money in minor units; rates as decimals (ctr 0.0549 is 5.49 %) to 4
     * places, ROI to 2, CPC to whole minor units; null where there is nothing to divide by.
     */
    record FiguresRow(
            String key,
            String label,
            String detail,
            long impressions,
            long clicks,
            BigDecimal ctr,
            long spendMinor,
            BigDecimal cpcMinor,
            long reportedOrders,
            long reportedGmvMinor,
            BigDecimal reportedConversion,
            BigDecimal reportedRoi,
            long orders,
            long gmvMinor,
            long refundedMinor,
            long netMinor,
            BigDecimal conversion,
            BigDecimal roi,
            BigDecimal roiNetOfRefunds) {

        static FiguresRow of(String key, String label, String detail, PromotionFigures figures) {
            return new FiguresRow(
                    key,
                    label,
                    detail,
                    figures.impressions(),
                    figures.clicks(),
                    figures.ctr(),
                    figures.spendMinor(),
                    figures.cpcMinor(),
                    figures.reported().orders(),
                    figures.reported().gmvMinor(),
                    figures.reportedConversion(),
                    figures.reportedRoi(),
                    figures.attributed().orders(),
                    figures.attributed().gmvMinor(),
                    figures.attributed().refundedMinor(),
                    figures.attributed().netMinor(),
                    figures.conversion(),
                    figures.roi(),
                    figures.roiNetOfRefunds());
        }
    }

    record FiguresTable(
            String storeId,
            String currency,
            LocalDate from,
            LocalDate to,
            String by,
            String sort,
            String order,
            int rowsInAll,
            List<FiguresRow> rows,
            FiguresRow total) {}

    @GetMapping("/figures")
    @Operation(
            summary = "Promotion figures by account, campaign, item, keyword, region or hour over store-local days",
            description = "Impressions, clicks, CTR, spend, CPC from the imported reports; orders, GMV and conversion "
                    + "twice: as the report attributes them (reported*) and as StoreOps does (the paid orders whose "
                    + "attribution names the value); ROI and ROI net of refunds (what was paid back of those orders, "
                    + "per SKU for items). By item, a report's item id that is a listed product's storefront item id "
                    + "meets the orders of all its SKUs (one row per product, an order once); else the id is met as "
                    + "the SKU, else the title. Money in minor units; CTR and conversion to 4 places, ROI to 2, CPC to "
                    + "whole minor units, null where nothing divides. The total row covers every value, whatever "
                    + "the limit. Without dates: the last 30 days.")
    Mono<FiguresTable> figures(
            @Parameter(example = "tmall-flagship") @RequestParam String storeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(
                            description =
                                    "account, campaign, item, keyword, region, hour or page (the landing page: StoreOps' "
                                            + "side only, which the designer may read too)",
                            example = "keyword")
                    @RequestParam(defaultValue = "keyword")
                    String by,
            @Parameter(
                            description =
                                    "spend, impressions, clicks, ctr, cpc, reportedOrders, reportedGmv, reportedRoi, "
                                            + "orders, gmv, refunded, conversion, roi, roiNetOfRefunds")
                    @RequestParam(defaultValue = "spend")
                    String sort,
            @Parameter(description = "desc (the top) or asc (the bottom)") @RequestParam(defaultValue = "desc")
                    String order,
            @Parameter(description = "how many rows, 1 to 500") @RequestParam(defaultValue = "100") int limit) {
        return table(storeId, from, to, by, sort, order, limit);
    }

    @GetMapping("/figures/sheet")
    @Operation(
            summary = "The same promotion figures as a spreadsheet download (XLSX or CSV)",
            description = "Money in the currency's units (元, dollars) at its decimals; rates as in the JSON; the "
                    + "last line is the total.")
    Mono<ResponseEntity<Flux<DataBuffer>>> figuresSheet(
            @RequestParam String storeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "keyword") String by,
            @RequestParam(defaultValue = "spend") String sort,
            @RequestParam(defaultValue = "desc") String order,
            @RequestParam(defaultValue = "500") int limit,
            @Parameter(description = "xlsx (default) or csv") @RequestParam(defaultValue = "xlsx") String format) {
        SheetFormat sheetFormat = sheetFormat(format);
        return table(storeId, from, to, by, sort, order, limit)
                .flatMap(table -> FileDownloads.sheet(
                        List.of(PromotionSheets.figures(table)),
                        sheetFormat,
                        "promotion-" + table.by() + "-" + storeId + "-" + table.from() + "-" + table.to() + "."
                                + sheetFormat.extension()));
    }

    static SheetFormat sheetFormat(String format) {
        return SheetFormat.named(format)
                .orElseThrow(() ->
                        Problems.badRequest("invalid-parameter", "format must be xlsx or csv, not '" + format + "'."));
    }

    private Mono<FiguresTable> table(
            String storeId, LocalDate from, LocalDate to, String by, String sort, String order, int limit) {
        Problems.requireListLimit(limit);
        Dimension dimension = parsed(() -> Dimension.named(by));
        PromotionTable.Metric metric = parsed(() -> PromotionTable.Metric.named(sort));
        if (!order.equalsIgnoreCase("desc") && !order.equalsIgnoreCase("asc")) {
            throw Problems.badRequest("invalid-parameter", "order must be desc or asc, not '" + order + "'.");
        }
        ZoneId zone = stores.find(storeId).map(StoreProperties.Store::zone).orElse(ZoneOffset.UTC);
        SalesWindow window = SalesWindow.asked(from, to, clock.instant(), zone);
        if (!window.valid()) {
            throw Problems.badRequest("invalid-range", "from must not be after to, and the range at most 366 days.");
        }
        boolean descending = order.equalsIgnoreCase("desc");
        return StaffAccess.require(dimension == Dimension.PAGE ? PAGE_READERS : PpcImportController.PROMOTION_STAFF)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> analysis.figures(storeId, window.from(), window.to(), dimension))
                .map(rows -> new FiguresTable(
                        storeId,
                        stores.find(storeId)
                                .map(StoreProperties.Store::currency)
                                .orElse(null),
                        window.from(),
                        window.to(),
                        dimension.name().toLowerCase(Locale.ROOT),
                        sort,
                        descending ? "desc" : "asc",
                        rows.size(),
                        PromotionTable.ranked(rows, metric, descending, limit).stream()
                                .map(row -> FiguresRow.of(row.key(), row.label(), row.detail(), row.figures()))
                                .toList(),
                        FiguresRow.of(null, "total", null, PromotionTable.total(rows))));
    }

    private static <T> T parsed(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException unknown) {
            throw Problems.badRequest("invalid-parameter", unknown.getMessage());
        }
    }
}

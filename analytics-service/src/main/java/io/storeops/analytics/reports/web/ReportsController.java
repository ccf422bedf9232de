package io.storeops.analytics.reports.web;

import io.storeops.analytics.reports.CampaignReport;
import io.storeops.analytics.reports.CampaignReports;
import io.storeops.analytics.reports.OperationsReports;
import io.storeops.analytics.reports.PeriodReport;
import io.storeops.analytics.reports.ReportDocuments;
import io.storeops.analytics.reports.ReportPeriod;
import io.storeops.analytics.reports.document.ReportDocument;
import io.storeops.analytics.reports.document.ReportPdf;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/analytics/reports")
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
class ReportsController {

    /** Who reads the department's reports. */
    static final StaffRole[] READERS = {StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION};

    private final OperationsReports reports;
    private final CampaignReports campaigns;
    private final StoreCatalog stores;
    private final Clock clock;

    ReportsController(OperationsReports reports, CampaignReports campaigns, StoreCatalog stores, Clock clock) {
        this.reports = reports;
        this.campaigns = campaigns;
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
        // who may read comes first: a caller who may not learns nothing of the store or the period
        return StaffAccess.require(READERS)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> reports.report(storeId, period(kind, period, storeId)));
    }

    @GetMapping("/{kind}/pdf")
    @Operation(
            summary = "The same report as a PDF to print or send: key figures, charts of the days, the comparison "
                    + "with the period before and the keywords, in Chinese and English")
    Mono<ResponseEntity<byte[]>> reportPdf(
            @PathVariable String kind, @RequestParam String storeId, @RequestParam(required = false) String period) {
        return report(kind, storeId, period)
                .publishOn(Schedulers.boundedElastic())
                .map(report -> pdf(
                        ReportDocuments.of(report),
                        report.kind().name().toLowerCase(Locale.ROOT) + "-" + storeId + "-" + report.period()));
    }

    @GetMapping("/campaign/pdf")
    @Operation(summary = "A campaign's effect report as a PDF")
    Mono<ResponseEntity<byte[]>> campaignPdf(
            @RequestParam String storeId,
            @RequestParam String campaign,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StoreProperties.Store store = store(storeId);
        return campaign(storeId, campaign, from, to)
                .publishOn(Schedulers.boundedElastic())
                .map(report -> pdf(
                        ReportDocuments.of(report, store.name() == null ? storeId : store.name(), store.currency()),
                        "campaign-" + storeId + "-" + from + "-" + to));
    }

    private static ResponseEntity<byte[]> pdf(ReportDocument document, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + ".pdf", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(ReportPdf.render(document));
    }

    @GetMapping("/campaign")
    @Operation(
            summary = "A campaign's effect report: before, during and after",
            description = "The campaign as its pay-per-click reports name it and as orders' attribution names it, run "
                    + "over the store-local days from to to. The same figures for as many days before it, its own days "
                    + "and as many days after (cut at today): its spend and what it brought (the report's and StoreOps' "
                    + "attribution, ROI and ROI net of refunds), its keywords, its items, and what those items sold in "
                    + "all, promoted or not.")
    Mono<CampaignReport> campaign(
            @Parameter(example = "tmall-flagship") @RequestParam String storeId,
            @Parameter(example = "龙井茶-双11冲量") @RequestParam String campaign,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return StaffAccess.require(READERS)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> {
                    StoreProperties.Store store = store(storeId);
                    if (campaign.isBlank()
                            || to.isBefore(from)
                            || ChronoUnit.DAYS.between(from, to) >= MAX_CAMPAIGN_DAYS) {
                        throw Problems.badRequest(
                                "invalid-range",
                                "a campaign is named and runs from a day to a day not before it, at most "
                                        + MAX_CAMPAIGN_DAYS + " days.");
                    }
                    return campaigns.report(
                            storeId,
                            store,
                            campaign.strip(),
                            from,
                            to,
                            LocalDate.ofInstant(clock.instant(), store.zone()));
                });
    }

    /** A campaign longer than a quarter is no campaign but the business as usual. */
    static final int MAX_CAMPAIGN_DAYS = 92;

    private StoreProperties.Store store(String storeId) {
        return stores.find(storeId).orElseThrow(() -> Problems.notFound("Store", storeId));
    }

    private ReportPeriod period(String kind, String period, String storeId) {
        ReportPeriod.Kind reportKind;
        try {
            reportKind = ReportPeriod.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Problems.notFound("Report kind", kind);
        }
        StoreProperties.Store store = store(storeId);
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

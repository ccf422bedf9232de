package io.storeops.analytics.promotion.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.storeops.analytics.promotion.PpcImport;
import io.storeops.analytics.promotion.PpcImports;
import io.storeops.analytics.promotion.reports.PpcRow;
import io.storeops.analytics.promotion.reports.ReportSource;
import io.storeops.analytics.promotion.reports.RowProblem;
import io.storeops.platform.security.Staff;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/analytics/promotion")
@Tag(name = "Promotion imports")
@SecurityRequirement(name = "bearer")
class PpcImportController {

    /** Who loads reports and reads their figures. */
    static final StaffRole[] PROMOTION_STAFF = {StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION};

    private final PpcImports imports;
    private final StoreCatalog stores;
    private final Clock clock;
    private final Path folder;

    PpcImportController(
            PpcImports imports,
            StoreCatalog stores,
            Clock clock,
            @Value("${storeops.promotion.import-folder:${java.io.tmpdir}/storeops-ppc-imports}") Path folder) {
        this.imports = imports;
        this.stores = stores;
        this.clock = clock;
        this.folder = folder;
    }

    /** An import as staff see it: the job, how far it got in percent, and where its refused rows are. */
    record ImportView(@JsonUnwrapped PpcImport job, int percent, String refusedRows) {

        static ImportView of(PpcImport job) {
            return new ImportView(
                    job, job.percent(), "/api/analytics/promotion/imports/" + job.importId() + "/refused-rows");
        }
    }

    @PostMapping(value = "/imports", consumes = "multipart/form-data")
    @Operation(
            summary = "Import a pay-per-click report file (直通车 CSV/XLSX, Google Ads CSV) as a job",
            description = "Answers 202 with the queued job at once; follow its status and percentage at its "
                    + "Location. Each row is checked on its own: refused rows are listed in the job's refused-rows "
                    + "report and the others are kept. The report's days replace the same days imported before from "
                    + "a report of the same source and grain once the job completes; a file that cannot be read as "
                    + "a report fails the job and changes nothing.")
    Mono<ResponseEntity<ImportView>> importFile(
            @RequestParam String storeId,
            @Parameter(
                            description =
                                    "The ad account the report is of, when its rows do not say (a report of one account "
                                            + "at a time: two accounts' reports of the same days both count)")
                    @RequestParam(required = false)
                    String account,
            @RequestPart("file") FilePart file) {
        // a file over the limit never gets here: the multipart reader stops it at the limit (413)
        return promotionStaff(storeId)
                .flatMap(staff -> Mono.fromCallable(() -> {
                            Files.createDirectories(folder);
                            return Files.createTempFile(folder, "ppc-", ".upload");
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(upload -> file.transferTo(upload)
                                .thenReturn(upload)
                                .onErrorResume(failed -> Mono.fromRunnable(() -> deleteQuietly(upload))
                                        .then(Mono.error(failed))))
                        .flatMap(upload -> imports.importFile(
                                storeId, upload, file.filename(), blankToNull(account), staff.username())))
                .map(job -> ResponseEntity.accepted()
                        .location(URI.create("/api/analytics/promotion/imports/" + job.importId()))
                        .body(ImportView.of(job)));
    }

    /** Report rows sent as JSON: every row is checked first, and one refused row refuses them all. */
    record RowsRequest(String storeId, ReportSource source, String account, List<RowInput> rows) {}

    /** A report row as JSON: a metric left out is 0, a dimension left out is not in the report. */
    record RowInput(
            LocalDate day,
            String account,
            String campaign,
            String itemId,
            String itemTitle,
            String keyword,
            String region,
            String city,
            Integer hour,
            Long impressions,
            Long clicks,
            Long spendMinor,
            Long favourites,
            Long carts,
            Long orders,
            Long gmvMinor,
            String currency) {

        PpcRow toRow() {
            return new PpcRow(
                    day,
                    account,
                    campaign,
                    itemId,
                    itemTitle,
                    keyword,
                    region,
                    city,
                    hour,
                    zeroIfAbsent(impressions),
                    zeroIfAbsent(clicks),
                    zeroIfAbsent(spendMinor),
                    zeroIfAbsent(favourites),
                    zeroIfAbsent(carts),
                    zeroIfAbsent(orders),
                    zeroIfAbsent(gmvMinor),
                    currency);
        }

        private static long zeroIfAbsent(Long metric) {
            return metric == null ? 0 : metric;
        }
    }

    @PostMapping("/rows")
    @Operation(
            summary = "Import pay-per-click report rows as JSON",
            description = "The same rows a report file holds, typed: day, optional account, campaign, itemId, "
                    + "itemTitle, keyword, region, city, hour, and impressions, clicks, spendMinor, favourites, carts, "
                    + "orders, gmvMinor (money in minor units), currency. All rows are checked first: any refused row "
                    + "is a 422 naming each row and field, and nothing is imported. Otherwise the rows' days replace "
                    + "the same days of the same source and grain, and the completed job is the answer.")
    Mono<ImportView> importRows(@RequestBody RowsRequest request) {
        if (request.storeId() == null
                || request.source() == null
                || request.rows() == null
                || request.rows().isEmpty()) {
            return Mono.error(
                    Problems.invalid("storeId, source (TAOBAO_ZTC or GOOGLE_ADS) and at least one row are required."));
        }
        return promotionStaff(request.storeId()).flatMap(staff -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), zoneOf(request.storeId()));
            List<Map<String, Object>> errors = new ArrayList<>();
            List<PpcRow> rows = new ArrayList<>();
            for (int index = 0; index < request.rows().size(); index++) {
                RowInput input = request.rows().get(index);
                if (input == null) {
                    errors.add(Map.of("row", index, "field", "", "reason", "a row is required"));
                    continue;
                }
                rows.add(input.toRow());
                for (RowProblem problem : PpcRow.validate(rows.get(rows.size() - 1), today)) {
                    errors.add(Map.of("row", index, "field", problem.column(), "reason", problem.reason()));
                }
            }
            if (!errors.isEmpty()) {
                return Mono.error(new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "invalid-report-rows",
                        "Invalid report rows",
                        errors.size() + " problems in the rows (see errors: row index, field, reason); nothing was "
                                + "imported.",
                        Map.of("errors", errors)));
            }
            return imports.importRows(
                            request.storeId(), request.source(), blankToNull(request.account()), rows, staff.username())
                    .map(ImportView::of);
        });
    }

    @GetMapping("/imports")
    @Operation(summary = "The store's latest pay-per-click imports, newest first")
    Mono<List<ImportView>> latest(@RequestParam String storeId, @RequestParam(defaultValue = "50") int limit) {
        Problems.requireListLimit(limit);
        return promotionStaff(storeId)
                .flatMap(staff ->
                        imports.latest(storeId, limit).map(ImportView::of).collectList());
    }

    @GetMapping("/imports/{importId}")
    @Operation(summary = "One import: its status, percentage, rows kept and refused, and the days it replaced")
    Mono<ImportView> find(@PathVariable String importId) {
        return foundForStaff(importId).map(ImportView::of);
    }

    @GetMapping("/imports/{importId}/refused-rows")
    @Operation(
            summary = "The rows an import refused, with line, column and reason, to mend the report",
            description = "CSV (UTF-8 with a byte order mark, default) or XLSX; the first 10,000 refused rows.")
    Mono<ResponseEntity<Flux<DataBuffer>>> refusedRows(
            @PathVariable String importId, @RequestParam(defaultValue = "csv") String format) {
        SheetFormat sheetFormat = PromotionController.sheetFormat(format);
        return foundForStaff(importId)
                .flatMap(job -> imports.refused(importId).collectList())
                .flatMap(refused -> FileDownloads.sheet(
                        List.of(PromotionSheets.refusedRows(refused)),
                        sheetFormat,
                        "refused-rows-" + importId + "." + sheetFormat.extension()));
    }

    Mono<PpcImport> foundForStaff(String importId) {
        return StaffAccess.require(PROMOTION_STAFF)
                .flatMap(staff -> imports.find(importId)
                        .switchIfEmpty(Mono.error(Problems.notFound("Import", importId)))
                        .map(job -> {
                            staff.requireStore(job.storeId());
                            return job;
                        }));
    }

    private Mono<Staff> promotionStaff(String storeId) {
        return StaffAccess.require(PROMOTION_STAFF).map(staff -> staff.requireStore(storeId));
    }

    private ZoneId zoneOf(String storeId) {
        return stores.find(storeId).map(StoreProperties.Store::zone).orElse(ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException left) {
            throw new UncheckedIOException(left);
        }
    }
}

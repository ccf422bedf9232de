package io.storeops.refund.sheet.web;

import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.sheets.SheetFormat;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.web.FileDownloads;
import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import io.storeops.refund.access.RefundAction;
import io.storeops.refund.cases.CaseState;
import io.storeops.refund.cases.CaseType;
import io.storeops.refund.sheet.RefundSheet;
import io.storeops.refund.sheet.RefundSheets;
import io.storeops.refund.sheet.SheetTooLarge;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The refund sheet as a download, for whoever sees a store's cases. */
@RestController
@RequestMapping("/api/refund-sheets")
@Tag(name = "Refund sheets")
@SecurityRequirement(name = "bearer")
class RefundSheetController {

    private final RefundSheets sheets;
    private final StoreCatalog stores;

    RefundSheetController(RefundSheets sheets, StoreCatalog stores) {
        this.sheets = sheets;
        this.stores = stores;
    }

    @GetMapping
    @Operation(
            summary = "The refund sheet (退款汇总表) of a store's days, as XLSX or CSV",
            description = "One row per case with a step on the days from..to (both included, in the store's zone; "
                    + "at most 366): order, case, type, state, reason, source, who opened it and when, who decided "
                    + "(automatic decisions marked) and when, amount asked, amount refunded (completed cases), payout "
                    + "reference, currency. The XLSX has a second sheet of totals per reason and in all; the CSV "
                    + "(UTF-8 with a byte order mark) holds the cases only.")
    @ApiResponse(
            responseCode = "200",
            description = "The sheet as a download, refunds-<store>-<from>-<to>.xlsx (or .csv)",
            content = {
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                @Content(mediaType = "text/csv")
            })
    Mono<ResponseEntity<Flux<DataBuffer>>> sheet(
            @Parameter(description = "The store (must be in your token)", example = "tmall-flagship") @RequestParam
                    String storeId,
            @Parameter(description = "The first day, in the store's zone", example = "2026-11-01")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "The last day (included), in the store's zone", example = "2026-11-30")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @Parameter(description = "Only cases now in this state", example = "COMPLETED")
                    @RequestParam(required = false)
                    CaseState status,
            @Parameter(description = "Only cases of this type", example = "RETURN_AND_REFUND")
                    @RequestParam(required = false)
                    CaseType type,
            @Parameter(description = "xlsx (default) or csv", example = "xlsx") @RequestParam(defaultValue = "xlsx")
                    String format) {
        return StaffAccess.require(RefundAction.SEE_CASES)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> {
                    RefundSheet.Scope scope = scope(storeId, from, to, status, type);
                    SheetFormat sheetFormat = SheetFormat.named(format).orElseThrow(() -> unknownFormat(format));
                    return sheets.sheet(scope)
                            .onErrorMap(
                                    SheetTooLarge.class,
                                    tooLarge -> Problems.badRequest("invalid-range", tooLarge.getMessage()))
                            .flatMap(sheet ->
                                    FileDownloads.sheet(sheet.tables(), sheetFormat, fileName(scope, sheetFormat)));
                });
    }

    private RefundSheet.Scope scope(String storeId, LocalDate from, LocalDate to, CaseState status, CaseType type) {
        ZoneId zone = stores.find(storeId)
                .orElseThrow(() -> Problems.notFound("Store", storeId))
                .zone();
        try {
            return new RefundSheet.Scope(storeId, zone, from, to, status, type);
        } catch (IllegalArgumentException invalid) {
            throw Problems.badRequest("invalid-range", invalid.getMessage());
        }
    }

    /** Refused as the platform refuses a query value of the wrong kind, naming the parameter. */
    private static ProblemException unknownFormat(String format) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                "invalid-parameter",
                "Bad Request",
                "'" + format + "' is not a valid format: expected xlsx or csv.",
                Map.of("parameter", "format"));
    }

    private static String fileName(RefundSheet.Scope scope, SheetFormat format) {
        return "refunds-" + scope.storeId() + "-" + scope.from() + "-" + scope.to() + "." + format.extension();
    }
}

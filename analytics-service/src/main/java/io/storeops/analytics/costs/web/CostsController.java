package io.storeops.analytics.costs.web;

import io.storeops.analytics.costs.CostCategory;
import io.storeops.analytics.costs.CostEntry;
import io.storeops.analytics.costs.CostFile;
import io.storeops.analytics.costs.CostLedger;
import io.storeops.analytics.costs.CostMonth;
import io.storeops.analytics.costs.OperatingRoi;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.platform.web.Problems;
import io.storeops.platform.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/analytics/costs")
@Tag(name = "Cost ledger and operating ROI")
@SecurityRequirement(name = "bearer")
class CostsController {

    /** Who keeps the ledger. */
    static final StaffRole[] KEEPERS = {StaffRole.MANAGER, StaffRole.STORE_MANAGER};
    /** Who reads it and the operating ROI. */
    static final StaffRole[] READERS = {StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION};

    static final int MAX_MONTHS = 24;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final CostLedger ledger;
    private final StoreCatalog stores;
    private final Clock clock;
    private final Path folder;

    CostsController(
            CostLedger ledger,
            StoreCatalog stores,
            Clock clock,
            @Value("${storeops.costs.import-folder:${java.io.tmpdir}/storeops-cost-imports}") Path folder) {
        this.ledger = ledger;
        this.stores = stores;
        this.clock = clock;
        this.folder = folder;
    }

    /** A cost as entered: category STAFF, PLATFORM_FEES, SHIPPING or OTHER (or its Chinese name). */
    record EntryBody(String category, Long amountMinor, String note) {}

    /** The months of a range with their figures, and the range's totals. */
    record CostReport(
            String storeId,
            String currency,
            YearMonth from,
            YearMonth to,
            List<OperatingRoi.Figures> months,
            OperatingRoi.Figures total) {}

    record ImportAnswer(String storeId, int rows, List<CostMonth> months) {}

    @PostMapping("/{storeId}/{month}/entries")
    @Operation(
            summary = "Enter a cost of a store's month",
            description = "Managers and store managers. amountMinor > 0 in the store's currency, minor units. With an "
                    + "Idempotency-Key header, the same key again answers the month unchanged (200); the key with "
                    + "another cost is a 409. AD_SPEND is not entered: it is the month's imported pay-per-click spend.")
    Mono<ResponseEntity<CostMonth>> enter(
            @PathVariable String storeId,
            @Parameter(example = "2026-09") @PathVariable String month,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody(required = false) EntryBody body) {
        YearMonth period = monthOf(month);
        if (key != null && !KEY.matcher(key).matches()) {
            throw Problems.badRequest(
                    "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 100 letters, digits, '.', '_', ':' or '-'.");
        }
        return keeper(storeId).flatMap(staff -> {
            StoreProperties.Store store = storeOf(storeId);
            CostEntry entry = checked(() -> {
                if (body == null) {
                    throw new IllegalArgumentException("A body with category and amountMinor is required.");
                }
                return CostEntry.of(
                        key != null ? "key-" + key : "entry-" + UUID.randomUUID(),
                        CostCategory.named(body.category()),
                        body.amountMinor(),
                        body.note(),
                        staff.username(),
                        clock.instant(),
                        null);
            });
            return ledger.month(storeId, period, store.currency())
                    .flatMap(before -> {
                        boolean again = before.entry(entry.entryId()).isPresent();
                        return ledger.enter(storeId, period, store.currency(), entry)
                                .map(after -> ResponseEntity.status(again ? HttpStatus.OK : HttpStatus.CREATED)
                                        .body(after));
                    })
                    .onErrorMap(
                            IllegalStateException.class,
                            taken -> Problems.conflict("idempotency-key-reused", taken.getMessage(), Map.of()));
        });
    }

    @DeleteMapping("/{storeId}/{month}/entries/{entryId}")
    @Operation(summary = "Remove an entered (or imported) cost from a store's month; answers the month")
    Mono<CostMonth> remove(@PathVariable String storeId, @PathVariable String month, @PathVariable String entryId) {
        YearMonth period = monthOf(month);
        return keeper(storeId).flatMap(staff -> {
            String currency = storeOf(storeId).currency();
            return ledger.month(storeId, period, currency)
                    .filter(before -> before.entry(entryId).isPresent())
                    .switchIfEmpty(Mono.error(() -> Problems.notFound("Cost entry", entryId)))
                    .flatMap(before -> ledger.remove(storeId, period, currency, entryId));
        });
    }

    @GetMapping("/{storeId}/{month}")
    @Operation(summary = "A store's cost ledger of one month: its entries, entered and imported")
    Mono<CostMonth> month(@PathVariable String storeId, @PathVariable String month) {
        YearMonth period = monthOf(month);
        return reader(storeId)
                .flatMap(staff -> ledger.month(storeId, period, storeOf(storeId).currency()));
    }

    @PostMapping(value = "/{storeId}/imports", consumes = "multipart/form-data")
    @Operation(
            summary = "Import costs from a CSV/XLSX file (月份/Month, 类别/Category, 金额/Amount in 元, 说明/Note)",
            description = "Managers and store managers. Every row is checked first: one that cannot be kept refuses "
                    + "the whole file (422 naming each row's line, column and reason) and nothing changes. Each "
                    + "month of the file then gets its rows in place of what earlier imports brought it (entered "
                    + "costs stay), so importing the same file again changes nothing.")
    Mono<ImportAnswer> importFile(@PathVariable String storeId, @RequestPart("file") FilePart file) {
        return keeper(storeId)
                .flatMap(staff -> {
                    StoreProperties.Store store = storeOf(storeId);
                    int digits =
                            Math.max(0, Currency.getInstance(store.currency()).getDefaultFractionDigits());
                    return Uploads.read(file, folder, upload -> Mono.fromCallable(() -> CostFile.read(upload, digits)))
                            .flatMap(rows -> ledger.imported(
                                            storeId, store.currency(), rows, staff.username(), clock.instant())
                                    .map(months -> new ImportAnswer(storeId, rows.size(), months)));
                })
                .onErrorMap(FileRefused.class, Uploads::refused);
    }

    @GetMapping("/{storeId}")
    @Operation(
            summary = "Costs by category, sales and operating ROI (店铺ROI) per month",
            description = "Per month of from..to (yyyy-MM, at most 24 months; default: this year up to this month): "
                    + "costs by category, AD_SPEND being the imported pay-per-click spend of the month's days; total "
                    + "cost; GMV and net sales (less what was paid back of the month's orders) of the paid orders in "
                    + "the store's currency; roi = net sales / total cost (2 places half up, null without cost); "
                    + "costRatio = total cost / net sales (4 places). total: the range's sums and ratios.")
    Mono<CostReport> figures(
            @PathVariable String storeId,
            @Parameter(example = "2026-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-12") @RequestParam(required = false) String to) {
        return reader(storeId).flatMap(staff -> {
            StoreProperties.Store store = storeOf(storeId);
            YearMonth thisMonth = YearMonth.now(clock.withZone(store.zone()));
            YearMonth last = to == null ? thisMonth : monthOf(to);
            YearMonth first = from == null ? last.withMonth(1) : monthOf(from);
            if (first.isAfter(last) || ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
                throw Problems.badRequest(
                        "invalid-range", "from must not be after to, and at most " + MAX_MONTHS + " months apart.");
            }
            return ledger.figures(storeId, store.currency(), first, last)
                    .map(months ->
                            new CostReport(storeId, store.currency(), first, last, months, OperatingRoi.total(months)));
        });
    }

    private Mono<Staff> keeper(String storeId) {
        return StaffAccess.require(KEEPERS).map(staff -> staff.requireStore(storeId));
    }

    private Mono<Staff> reader(String storeId) {
        return StaffAccess.require(READERS).map(staff -> staff.requireStore(storeId));
    }

    private StoreProperties.Store storeOf(String storeId) {
        return stores.find(storeId).orElseThrow(() -> Problems.notFound("Store", storeId));
    }

    private static YearMonth monthOf(String written) {
        try {
            return YearMonth.parse(written);
        } catch (DateTimeParseException notAMonth) {
            throw Problems.badRequest(
                    "invalid-parameter", "month must be a month such as 2026-09, not '" + written + "'.");
        }
    }

    /** What a plain rule refuses, as a 422 naming the reason. */
    private static <T> T checked(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (IllegalArgumentException refused) {
            throw Problems.invalid(refused.getMessage());
        }
    }
}

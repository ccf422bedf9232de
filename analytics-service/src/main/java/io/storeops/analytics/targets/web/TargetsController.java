package io.storeops.analytics.targets.web;

import io.storeops.analytics.targets.Quarter;
import io.storeops.analytics.targets.SalesTarget;
import io.storeops.analytics.targets.SalesTargets;
import io.storeops.analytics.targets.TargetAsked;
import io.storeops.analytics.targets.TargetProgress;
import io.storeops.platform.security.Staff;
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
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/analytics/targets")
@Tag(name = "Sales targets")
@SecurityRequirement(name = "bearer")
class TargetsController {

    /** Who may read targets and their progress; only managers set them. */
    static final StaffRole[] READERS = {StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION};

    private final SalesTargets targets;
    private final StoreCatalog stores;
    private final Clock clock;

    TargetsController(SalesTargets targets, StoreCatalog stores, Clock clock) {
        this.targets = targets;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * A quarter's target as a manager sets it.
     *
     * @param months for BY_HAND only: each of the quarter's months (yyyy-MM) to its amount
     * @param owner  the username of the person responsible; left out for the store as a whole
     */
    record TargetBody(Long amountMinor, String breakdown, Map<String, Long> months, String owner) {}

    record TargetList(String storeId, int year, List<SalesTarget> targets) {}

    @PutMapping("/{storeId}/{quarter}")
    @Operation(
            summary = "Set (or replace) a store's sales target for a quarter, broken down into its months",
            description = "Managers only. amountMinor is the quarter's target in the store's currency, minor units. "
                    + "breakdown EVEN gives each month a third (the odd fen/cents to the first months); LAST_YEAR "
                    + "weighs the months by the store's GMV in the same months a year earlier (largest remainder; "
                    + "evenly, with a note, when there were none); BY_HAND takes months, which must sum to "
                    + "amountMinor exactly (422 naming the difference). owner: the person responsible, one target "
                    + "per store, quarter and owner; progress is always the store's sales, orders naming no "
                    + "salesperson. The months always sum to the quarter.")
    Mono<SalesTarget> set(
            @Parameter(example = "tmall-flagship") @PathVariable String storeId,
            @Parameter(example = "2026-Q4") @PathVariable String quarter,
            @RequestBody TargetBody body) {
        Quarter period = quarterOf(quarter);
        return StaffAccess.require(StaffRole.MANAGER)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> {
                    StoreProperties.Store store = storeOf(storeId);
                    TargetAsked asked = checked(() -> {
                        if (body == null) {
                            throw new IllegalArgumentException("A body with amountMinor and breakdown is required.");
                        }
                        return TargetAsked.read(
                                period, body.owner(), body.amountMinor(), body.breakdown(), body.months());
                    });
                    return targets.set(storeId, period, asked, store.currency(), staff.username(), clock.instant());
                });
    }

    @GetMapping("/{storeId}/{quarter}")
    @Operation(summary = "A store's sales target for a quarter, with its months (owner: the person responsible)")
    Mono<SalesTarget> target(
            @PathVariable String storeId,
            @PathVariable String quarter,
            @Parameter(description = "the person responsible; left out for the store's own target")
                    @RequestParam(required = false)
                    String owner) {
        Quarter period = quarterOf(quarter);
        return readable(storeId).flatMap(staff -> found(storeId, period, owner));
    }

    @GetMapping("/{storeId}")
    @Operation(
            summary = "A store's sales targets of a year",
            description = "By quarter; the store's own target before those of the people responsible.")
    Mono<TargetList> targetsOfYear(@PathVariable String storeId, @Parameter(example = "2026") @RequestParam int year) {
        quarterOf(year + "-Q1");
        return readable(storeId)
                .flatMap(staff -> targets.ofYear(storeId, year))
                .map(list -> new TargetList(storeId, year, list));
    }

    @GetMapping("/{storeId}/{quarter}/progress")
    @Operation(
            summary = "Progress towards a quarter's (or one month's) target as of a store-local day",
            description = "Target, achieved GMV of the paid orders so far (and net of refunds), gap or exceeded by, "
                    + "share achieved (4 places), days elapsed of the period (asOf included), a run-rate projection "
                    + "to the period's end (achieved / days elapsed x days, half up), and every day of the period "
                    + "with its GMV, the cumulative GMV and the cumulative target (each month pro rata of its days) "
                    + "for a chart. Without asOf: today in the store's time zone. Money in minor units.")
    Mono<TargetProgress> progress(
            @PathVariable String storeId,
            @PathVariable String quarter,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "one month of the quarter, such as 2026-11; the whole quarter without it")
                    @RequestParam(required = false)
                    String month,
            @RequestParam(required = false) String owner) {
        Quarter period = quarterOf(quarter);
        YearMonth oneMonth = month == null ? null : monthOf(month);
        return readable(storeId).flatMap(staff -> found(storeId, period, owner)).flatMap(target -> {
            var months = checked(() -> target.period(oneMonth));
            LocalDate day = asOf != null
                    ? asOf
                    : LocalDate.ofInstant(clock.instant(), storeOf(storeId).zone());
            return targets.progress(target, months, day);
        });
    }

    private Mono<Staff> readable(String storeId) {
        return StaffAccess.require(READERS).map(staff -> staff.requireStore(storeId));
    }

    private Mono<SalesTarget> found(String storeId, Quarter quarter, String owner) {
        return targets.find(storeId, quarter, owner == null || owner.isBlank() ? null : owner.trim())
                .switchIfEmpty(
                        Mono.error(() -> Problems.notFound("Sales target", SalesTarget.idOf(storeId, quarter, owner))));
    }

    private StoreProperties.Store storeOf(String storeId) {
        return stores.find(storeId).orElseThrow(() -> Problems.notFound("Store", storeId));
    }

    private static Quarter quarterOf(String written) {
        try {
            return Quarter.parse(written);
        } catch (IllegalArgumentException notAQuarter) {
            throw Problems.badRequest("invalid-quarter", notAQuarter.getMessage());
        }
    }

    private static YearMonth monthOf(String written) {
        try {
            return YearMonth.parse(written);
        } catch (DateTimeParseException notAMonth) {
            throw Problems.badRequest(
                    "invalid-parameter", "month must be a month such as 2026-11, not '" + written + "'.");
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

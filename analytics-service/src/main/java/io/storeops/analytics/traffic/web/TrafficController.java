package io.storeops.analytics.traffic.web;

import io.storeops.analytics.sales.SalesWindow;
import io.storeops.analytics.traffic.ShopTraffic;
import io.storeops.analytics.traffic.TrafficFigures;
import io.storeops.analytics.traffic.TrafficGrain;
import io.storeops.analytics.traffic.TrafficImport;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.platform.web.Problems;
import io.storeops.platform.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/analytics/traffic")
@Tag(name = "Shop traffic")
@SecurityRequirement(name = "bearer")
class TrafficController {

    /** Who imports traffic and reads its figures. */
    static final StaffRole[] TRAFFIC_STAFF = {StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION};

    /** Designers also read the figures per item: an item's pages are theirs. */
    static final StaffRole[] ITEM_READERS = {
        StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION, StaffRole.DESIGNER
    };

    private final ShopTraffic traffic;
    private final StoreCatalog stores;
    private final Clock clock;
    private final Path folder;

    TrafficController(
            ShopTraffic traffic,
            StoreCatalog stores,
            Clock clock,
            @Value("${storeops.traffic.import-folder:${java.io.tmpdir}/storeops-traffic-imports}") Path folder) {
        this.traffic = traffic;
        this.stores = stores;
        this.clock = clock;
        this.folder = folder;
    }

    /** A day's or an item's figures over the range, and their total. */
    record TrafficReport(
            String storeId,
            String currency,
            LocalDate from,
            LocalDate to,
            String by,
            List<TrafficFigures.Line> rows,
            TrafficFigures.Line total) {}

    @PostMapping(value = "/imports", consumes = "multipart/form-data")
    @Operation(
            summary = "Import a shop traffic export (生意参谋/量子恒道 CSV or XLSX, Shopify analytics CSV)",
            description = "Read at once: answers what was kept, the refused rows (line, column, reason), the "
                    + "columns ignored and the days replaced. Each day of the file replaces the same day imported "
                    + "before from an export of the same source and grain (whole shop, or per item), in one write. "
                    + "A file that cannot be read as a traffic export is a 400/422 problem naming why (and the "
                    + "column), and changes nothing; so is a file none of whose rows can be kept.")
    Mono<TrafficImport> importFile(@RequestParam String storeId, @RequestPart("file") FilePart file) {
        return StaffAccess.require(TRAFFIC_STAFF)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> {
                    StoreProperties.Store store = storeOf(storeId);
                    return Uploads.read(
                            file,
                            folder,
                            upload -> traffic.importFile(storeId, store, upload, file.filename(), staff.username()));
                })
                .onErrorMap(FileRefused.class, Uploads::refused)
                .onErrorMap(
                        ShopTraffic.NothingKept.class,
                        nothing -> Uploads.refusedRows(nothing.getMessage(), nothing.refused()));
    }

    @GetMapping
    @Operation(
            summary = "Visitors, page views and StoreOps orders per day or per item: shop-level conversion",
            description = "by=day: the whole-shop exports' visitors and page views of each day with the orders "
                    + "paid on it and their GMV; by=item: the per-item exports' with the paid orders holding the "
                    + "item (met by a listed product's storefront item id, all its SKUs together, else by SKU, else by "
                    + "title) and its lines' value. conversion = paid orders / visitors "
                    + "(4 places, half up, null without visitors), pagesPerVisitor (2 places), aovMinor = GMV / "
                    + "orders (minor units). from/to are store-local days (default: the 30 days up to today).")
    Mono<TrafficReport> figures(
            @RequestParam String storeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "day") String by) {
        TrafficGrain grain = grainOf(by);
        return StaffAccess.require(grain == TrafficGrain.ITEM ? ITEM_READERS : TRAFFIC_STAFF)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> {
                    StoreProperties.Store store = storeOf(storeId);
                    SalesWindow window = SalesWindow.asked(from, to, clock.instant(), store.zone());
                    if (!window.valid()) {
                        throw Problems.badRequest(
                                "invalid-range", "from must not be after to, and at most 366 days before it.");
                    }
                    return traffic.figures(storeId, store.currency(), window.from(), window.to(), grain)
                            .map(lines -> new TrafficReport(
                                    storeId,
                                    store.currency(),
                                    window.from(),
                                    window.to(),
                                    by.strip().toLowerCase(Locale.ROOT),
                                    lines,
                                    TrafficFigures.total(lines)));
                });
    }

    private static TrafficGrain grainOf(String by) {
        return switch (by.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> TrafficGrain.STORE;
            case "item" -> TrafficGrain.ITEM;
            default -> throw Problems.badRequest("invalid-parameter", "by must be day or item, not '" + by + "'.");
        };
    }

    private StoreProperties.Store storeOf(String storeId) {
        return stores.find(storeId).orElseThrow(() -> Problems.notFound("Store", storeId));
    }
}

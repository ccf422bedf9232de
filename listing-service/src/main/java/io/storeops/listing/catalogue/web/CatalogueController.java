package io.storeops.listing.catalogue.web;

import io.storeops.listing.access.ListingAction;
import io.storeops.listing.catalogue.CatalogueFiles;
import io.storeops.listing.catalogue.CatalogueFormat;
import io.storeops.listing.catalogue.CatalogueImports;
import io.storeops.listing.catalogue.CatalogueReport;
import io.storeops.listing.products.web.ListingProblems;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.web.Problems;
import io.storeops.platform.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * An existing catalogue brought into the listing flow at once: StoreOps' own catalogue (CSV or
 * XLSX, a row per SKU) or Shopify's product export, each product selected or edited as if the
 * supervisor had entered it, and a report of what became of every product.
 */
@RestController
@RequestMapping("/api/listings/catalogue")
@Tag(name = "Listing")
@SecurityRequirement(name = "bearer")
class CatalogueController {

    private final CatalogueImports imports;
    private final StoreCatalog stores;
    private final Clock clock;
    private final Path folder;

    CatalogueController(
            CatalogueImports imports,
            StoreCatalog stores,
            Clock clock,
            @Value("${storeops.listing.catalogue-folder:${java.io.tmpdir}/storeops-catalogue-imports}") Path folder) {
        this.imports = imports;
        this.stores = stores;
        this.clock = clock;
        this.folder = folder;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import a catalogue: StoreOps' own (CSV/XLSX) or Shopify's product export (导入商品目录)",
            description = "Supervisors and store managers, for stores their token covers. Parts: file; format "
                    + "storeops (default: a row per SKU, columns 商品编码/SPU, 商家编码/SKU, 商品标题/Title, 规格/Variant, "
                    + "价格(storeId) or price:storeId per store, 包装清单/Package contents separated by ；, ; or |, "
                    + "目标人群/Target buyer, 价格带/Price band, 季节/Season, 定位说明/Notes; CSV in UTF-8 or GB18030/GBK, "
                    + "or XLSX) or shopify (Handle, Title, Option1..3 Value, Variant SKU, Variant Price; image-only rows "
                    + "skipped); storeId, the store whose prices a Shopify export (or a plain 价格/Price column) gives. "
                    + "Each product is selected (new) or edited (existing: a column the file lacks keeps what the "
                    + "product has) through the listing flow; one the flow refuses is reported with its rows and "
                    + "reasons while the others go on; a product already as the file says is unchanged, so the same "
                    + "file again changes nothing. A file that cannot be read as a catalogue (empty, not a table, a "
                    + "required column missing, an unknown column) is a 400/422 problem naming the column, and "
                    + "changes nothing.")
    Mono<CatalogueReport> importFile(
            @RequestPart("file") FilePart file,
            @Parameter(description = "storeops (default) or shopify") @RequestPart(name = "format", required = false)
                    String format,
            @Parameter(description = "The store whose prices the file gives (required with shopify)")
                    @RequestPart(name = "storeId", required = false)
                    String storeId) {
        return StaffAccess.require(ListingAction.SELECT)
                .flatMap(staff -> {
                    CatalogueFormat layout = layout(format);
                    String store = storeId == null || storeId.isBlank() ? null : storeId.strip();
                    if (store != null) {
                        staff.requireStore(store);
                        stores.find(store).orElseThrow(() -> Problems.notFound("Store", store));
                    } else if (layout == CatalogueFormat.SHOPIFY) {
                        throw Problems.badRequest(
                                "invalid-parameter",
                                "storeId is required with a Shopify export: the store whose prices it gives.");
                    }
                    Map<String, String> currencies = stores.storeIds().stream()
                            .collect(Collectors.toMap(
                                    id -> id,
                                    id -> stores.find(id).orElseThrow().currency()));
                    return Uploads.read(
                                    file,
                                    folder,
                                    upload -> Mono.fromCallable(
                                            () -> CatalogueFiles.read(upload, layout, currencies, store)))
                            .flatMap(catalogue -> {
                                // The file's price columns are the caller's to set only in stores they work for.
                                catalogue.pricedStores().forEach(staff::requireStore);
                                return imports.apply(
                                        catalogue, currencies, staff.stores(), staff.username(), clock.instant());
                            });
                })
                .onErrorMap(FileRefused.class, Uploads::refused)
                .onErrorMap(ListingProblems::problem);
    }

    private static CatalogueFormat layout(String format) {
        try {
            return CatalogueFormat.named(format);
        } catch (IllegalArgumentException unknown) {
            throw Problems.badRequest("invalid-parameter", unknown.getMessage());
        }
    }
}

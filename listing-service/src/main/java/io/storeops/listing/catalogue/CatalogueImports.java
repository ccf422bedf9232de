package io.storeops.listing.catalogue;

import io.storeops.listing.products.Listing;
import io.storeops.listing.products.ListingConflict;
import io.storeops.listing.products.Listings;
import io.storeops.listing.products.NotOnRecord;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports a catalogue file's products into the listing flow, one after the other in the file's
 * order (so that of two products claiming one SKU, the first keeps it): a new product is selected,
 * an existing one edited, each through the listing flow's own steps and events; one already as
 * the file says is left alone, so the same file imported again changes nothing. A product the
 * listing flow refuses is reported with its rows; the others go on.
 */
@Component
public class CatalogueImports {

    private final Listings listings;

    public CatalogueImports(Listings listings) {
        this.listings = listings;
    }

    /**
     * @param currencies   every store of the department, with its currency
     * @param callerStores the stores the importing member of staff works for
     * @param by           who imports, as the products' timelines will name them
     */
    public Mono<CatalogueReport> apply(
            Catalogue catalogue, Map<String, String> currencies, Set<String> callerStores, String by, Instant at) {
        return Flux.fromIterable(catalogue.products())
                .concatMap(product -> imported(catalogue, product, currencies, callerStores, by, at))
                .collectList()
                .map(outcomes -> CatalogueReport.of(catalogue, outcomes));
    }

    private Mono<CatalogueReport.Outcome> imported(
            Catalogue catalogue,
            ImportedProduct product,
            Map<String, String> currencies,
            Set<String> callerStores,
            String by,
            Instant at) {
        Mono<Optional<Listing>> existing =
                product.spuCode() == null || !product.problems().isEmpty()
                        ? Mono.just(Optional.empty())
                        : listings.find(product.spuCode()).map(Optional::of).defaultIfEmpty(Optional.empty());
        return existing.flatMap(found -> {
                    String spu = product.spuCode();
                    CatalogueImport.Decision decision =
                            CatalogueImport.decide(catalogue, product, found.orElse(null), currencies, callerStores);
                    if (decision instanceof CatalogueImport.Select select) {
                        return listings.select(select.sheet(), by, at)
                                .thenReturn(CatalogueReport.Outcome.of(CatalogueReport.Result.CREATED, spu));
                    }
                    if (decision instanceof CatalogueImport.Edit edit) {
                        return listings.edit(spu, edit.sheet(), by, at)
                                .thenReturn(CatalogueReport.Outcome.of(CatalogueReport.Result.UPDATED, spu));
                    }
                    if (decision instanceof CatalogueImport.Refuse refuse) {
                        return Mono.just(CatalogueReport.Outcome.refused(refuse.refusal()));
                    }
                    return Mono.just(CatalogueReport.Outcome.of(CatalogueReport.Result.UNCHANGED, spu));
                })
                .onErrorResume(
                        refused -> refused instanceof ListingConflict
                                || refused instanceof NotOnRecord
                                || refused instanceof IllegalArgumentException,
                        refused -> Mono.just(CatalogueReport.Outcome.refused(
                                CatalogueImport.conflict(catalogue, product, (RuntimeException) refused))));
    }
}

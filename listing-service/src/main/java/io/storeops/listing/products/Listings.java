package io.storeops.listing.products;

import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The products in the listing flow, one document each; every change goes out with its events. */
@Component
public class Listings implements ApplicationRunner {

    static final String COLLECTION = "listings";

    private final AggregateStore store;

    public Listings(AggregateStore store) {
        this.store = store;
    }

    /** The indexes of the board (a store's products by step, longest waiting first), of SKU lookups and of the publisher's work. */
    @Override
    public void run(ApplicationArguments arguments) {
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_step_waiting", Listing.class)
                        .ascending("storeId")
                        .ascending("step")
                        .ascending("stepSince"));
        store.declareIndex(COLLECTION, StateIndex.named("sku", Listing.class).ascending("skus.sku"));
        store.declareIndex(COLLECTION, StateIndex.named("handle", Listing.class).ascending("handle"));
        store.declareIndex(COLLECTION, StateIndex.named("step", Listing.class).ascending("step"));
        store.declareIndex(
                COLLECTION,
                StateIndex.named("publication_status", Listing.class).ascending("publications.status"));
    }

    public Mono<Listing> find(String productId) {
        return store.find(COLLECTION, productId, Listing.class);
    }

    /**
     * Selects the product {@code sheet} (already checked), once however often it is retried. A SKU
     * code another product holds is refused: orders, stock and accessories go by SKU.
     */
    public Mono<Listing> select(ProductSheet sheet, String by, Instant at) {
        return refuseTakenHandle(sheet)
                .then(refuseTakenSkus(sheet))
                .then(store.apply(
                        COLLECTION, sheet.spuCode(), Listing.class, current -> Listing.select(current, sheet, by, at)))
                .mapNotNull(Applied::state);
    }

    /** A new description of product {@code productId}, whose SKU codes no other product may hold. */
    public Mono<Listing> edit(String productId, ProductSheet sheet, String by, Instant at) {
        return refuseTakenSkus(sheet).then(change(productId, listing -> listing.edit(sheet, by, at)));
    }

    /** Applies a step to product {@code productId}, which must exist; answers the product as it then is. */
    public Mono<Listing> change(String productId, Function<Listing, Change<Listing>> decide) {
        return store.apply(
                        COLLECTION,
                        productId,
                        Listing.class,
                        current -> current.map(decide).orElseThrow(() -> new NotOnRecord("Product", productId)))
                .mapNotNull(Applied::state);
    }

    /**
     * The products of {@code stores} at one of {@code steps} (any, when empty), longest waiting in
     * their step first: the listing board.
     */
    public Flux<Listing> board(Collection<String> stores, Collection<ListingStep> steps, int limit) {
        StateQuery<Listing> query = StateQuery.of(Listing.class).in("storeId", stores);
        if (!steps.isEmpty()) {
            query = query.in("step", steps.stream().map(Enum::name).toList());
        }
        return store.findAll(
                COLLECTION, query.ascending("stepSince").thenByIdAscending().limit(limit));
    }

    /** The product with SKU {@code sku}, if the listing flow has it. */
    public Mono<Listing> bySku(String sku) {
        return store.findAll(
                        COLLECTION,
                        StateQuery.of(Listing.class).is("skus.sku", sku).limit(1))
                .next();
    }

    /** The products being published, or taken down from a storefront: the publisher's work. */
    public Flux<Listing> publishing() {
        return store.findAll(
                COLLECTION,
                StateQuery.of(Listing.class)
                        .anyOf(
                                query -> query.is("step", ListingStep.PUBLISHING.name()),
                                query -> query.is("publications.status", PublicationStatus.WITHDRAWING.name())));
    }

    /** How many products of {@code storeId} are at {@code step}. */
    public Mono<Long> count(String storeId, ListingStep step) {
        return store.count(
                COLLECTION, StateQuery.of(Listing.class).is("storeId", storeId).is("step", step.name()));
    }

    private Mono<Void> refuseTakenHandle(ProductSheet sheet) {
        return store.findAll(
                        COLLECTION,
                        StateQuery.of(Listing.class)
                                .is("handle", ProductRules.handle(sheet.spuCode()))
                                .limit(2))
                .filter(other -> !other.productId().equals(sheet.spuCode()))
                .next()
                .flatMap(other -> Mono.<Void>error(new ListingConflict(
                        "spu-taken",
                        null,
                        "SPU code " + sheet.spuCode() + " reads as " + other.productId()
                                + " does on a storefront's product address: choose another.")));
    }

    private Mono<Void> refuseTakenSkus(ProductSheet sheet) {
        List<String> codes = sheet.skus().stream().map(Sku::sku).toList();
        return store.findAll(COLLECTION, StateQuery.of(Listing.class).in("skus.sku", codes))
                .filter(other -> !other.productId().equals(sheet.spuCode()))
                .next()
                .flatMap(other -> Mono.<Void>error(new ListingConflict(
                        "sku-taken",
                        null,
                        "SKU "
                                + other.skus().stream()
                                        .map(Sku::sku)
                                        .filter(codes::contains)
                                        .findFirst()
                                        .orElseThrow() + " belongs to product " + other.productId() + ".")));
    }
}

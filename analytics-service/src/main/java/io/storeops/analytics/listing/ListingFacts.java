package io.storeops.analytics.listing;

import io.storeops.analytics.rebuild.FactCollections;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The listing facts, one per product and store, fed by listing-service's events: which page
 * versions each product had in each store, for the figures per version and for meeting a report's
 * item id with the SKUs it sells.
 */
@Component
public class ListingFacts implements ApplicationRunner {

    /** The facts' collection in generation 0; {@link FactCollections} names it in the others. */
    static final String COLLECTION = "listing_facts";

    private final AggregateStore store;
    private final FactCollections collections;

    public ListingFacts(AggregateStore store, FactCollections collections) {
        this.store = store;
        this.collections = collections;
    }

    /** The id of product {@code productId}'s fact in store {@code storeId}. */
    static String idOf(String productId, String storeId) {
        return storeId + "|" + productId;
    }

    /**
     * Applies an event about product {@code productId} in store {@code storeId} to its fact, once per
     * event (the consumed position is recorded in the same write).
     */
    public Mono<Applied.Outcome> onListing(
            String productId,
            String storeId,
            ConsumedEvent position,
            Function<Optional<ListingFact>, Change<ListingFact>> decide) {
        return store.apply(
                        collections.written(COLLECTION), idOf(productId, storeId), ListingFact.class, position, decide)
                .map(Applied::outcome);
    }

    /** Product {@code productId}'s fact in store {@code storeId}, if an event about it arrived. */
    public Mono<ListingFact> find(String productId, String storeId) {
        return store.find(collections.read(COLLECTION), idOf(productId, storeId), ListingFact.class);
    }

    /** Every product the store has had on sale (or taken off), in no order. */
    public Flux<ListingFact> ofStore(String storeId) {
        return store.findAll(
                collections.read(COLLECTION),
                StateQuery.of(ListingFact.class).is("storeId", storeId).present("versions.pageVersion"));
    }

    /** The index behind {@link #ofStore} (real MongoDB uses it; the embedded store scans). */
    @Override
    public void run(ApplicationArguments arguments) {
        collections.declare(
                COLLECTION, List.of(StateIndex.named("store", ListingFact.class).ascending("storeId")));
    }
}

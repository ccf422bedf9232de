package io.storeops.fulfillment.catalogue;

import io.storeops.contracts.events.listing.PublishedSku;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the listing published, one document per store and SKU ({@link PublishedSku}), for the
 * warehouse's checklists. Each SKU of a publication is written with the consumed event's position,
 * so a redelivered publication changes nothing.
 */
@Component
public class Catalogue {

    static final String COLLECTION = "catalogue";

    private final AggregateStore store;

    Catalogue(AggregateStore store) {
        this.store = store;
    }

    /** Takes a publication's SKUs, each unless a newer page version of it is known. */
    public Mono<Applied.Outcome> published(List<PublishedSku> items, ConsumedEvent position) {
        return Flux.fromIterable(items)
                .concatMap(item -> store.apply(
                        COLLECTION,
                        PublishedSku.idFor(item.storeId(), item.sku()),
                        PublishedSku.class,
                        position,
                        current -> current.isPresent() && !item.supersedes(current.get())
                                ? Change.none()
                                : Change.of(item)))
                .map(Applied::outcome)
                .reduce(Applied.Outcome.UNCHANGED, Catalogue::either);
    }

    /** What the listing published of {@code skus} in the store, by SKU; SKUs it never published are absent. */
    public Mono<Map<String, PublishedSku>> itemsOf(String storeId, Collection<String> skus) {
        return Flux.fromIterable(skus)
                .filter(Objects::nonNull)
                .distinct()
                .concatMap(sku -> store.find(COLLECTION, PublishedSku.idFor(storeId, sku), PublishedSku.class))
                .collectMap(PublishedSku::sku);
    }

    /** Applied when any SKU was; else unchanged, or a duplicate when every SKU had seen the event. */
    private static Applied.Outcome either(Applied.Outcome one, Applied.Outcome other) {
        if (one == Applied.Outcome.APPLIED || other == Applied.Outcome.APPLIED) {
            return Applied.Outcome.APPLIED;
        }
        return one == Applied.Outcome.DUPLICATE || other == Applied.Outcome.DUPLICATE
                ? Applied.Outcome.DUPLICATE
                : Applied.Outcome.UNCHANGED;
    }
}

package io.storeops.analytics.listing.messaging;

import io.storeops.analytics.listing.ListingFact;
import io.storeops.analytics.listing.ListingFacts;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.ListingWithdrawn;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each page version the listing flow publishes in a store, and each withdrawal, goes on the
 * product's listing fact in that store; the rest of the listing flow (drafts, images, reviews)
 * says nothing about what sold, and is left unhandled.
 */
@Configuration(proxyBeanMethods = false)
class ListingEventHandlers {

    @Bean
    EventHandler<ListingPublished> firstPageVersion(ListingFacts listings) {
        return EventHandler.of(ListingPublished.class, event -> {
            ListingPublished published = event.payload();
            return listings.onListing(
                    published.productId(),
                    published.storeId(),
                    event.position(),
                    current -> ListingFact.published(current, published));
        });
    }

    @Bean
    EventHandler<ListingChanged> nextPageVersion(ListingFacts listings) {
        return EventHandler.of(ListingChanged.class, event -> {
            ListingChanged changed = event.payload();
            return listings.onListing(
                    changed.productId(),
                    changed.storeId(),
                    event.position(),
                    current -> ListingFact.changed(current, changed));
        });
    }

    @Bean
    EventHandler<ListingWithdrawn> withdrawalEndsThePageVersion(ListingFacts listings) {
        return EventHandler.of(ListingWithdrawn.class, event -> {
            ListingWithdrawn withdrawn = event.payload();
            return listings.onListing(
                    withdrawn.productId(),
                    withdrawn.storeId(),
                    event.position(),
                    current -> ListingFact.withdrawn(current, withdrawn));
        });
    }
}

package io.storeops.fulfillment.catalogue.messaging;

import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.PublishedSku;
import io.storeops.fulfillment.catalogue.Catalogue;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warehouse learns what is packed with each SKU from the listing: a product's first
 * publication in a store and every published change after it. {@code ListingWithdrawn} is left
 * alone on purpose: a withdrawn product's parcels already sold still need their checklist, so its
 * SKUs stay as last published.
 */
@Configuration(proxyBeanMethods = false)
class ListingEventHandlers {

    @Bean
    EventHandler<ListingPublished> catalogueTakesAPublishedProduct(Catalogue catalogue) {
        return EventHandler.of(
                ListingPublished.class,
                event -> catalogue.published(PublishedSku.of(event.payload()), event.position()));
    }

    @Bean
    EventHandler<ListingChanged> catalogueFollowsAPublishedChange(Catalogue catalogue) {
        return EventHandler.of(
                ListingChanged.class, event -> catalogue.published(PublishedSku.of(event.payload()), event.position()));
    }
}

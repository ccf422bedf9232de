package io.storeops.order.catalogue.messaging;

import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.PublishedSku;
import io.storeops.order.catalogue.Catalogue;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order desk learns each SKU's product title and picture from the listing: a product's first
 * publication in a store and every published change after it. {@code ListingWithdrawn} is left
 * alone on purpose: orders of a withdrawn product still show what was bought, as last published.
 */
@Configuration(proxyBeanMethods = false)
class ListingEventHandlers {

    @Bean
    EventHandler<ListingPublished> orderDeskTakesAPublishedProduct(Catalogue catalogue) {
        return EventHandler.of(
                ListingPublished.class,
                event -> catalogue.published(PublishedSku.of(event.payload()), event.position()));
    }

    @Bean
    EventHandler<ListingChanged> orderDeskFollowsAPublishedChange(Catalogue catalogue) {
        return EventHandler.of(
                ListingChanged.class, event -> catalogue.published(PublishedSku.of(event.payload()), event.position()));
    }
}

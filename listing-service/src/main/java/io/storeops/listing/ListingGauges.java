package io.storeops.listing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.storeops.listing.products.ListingStep;
import io.storeops.listing.products.Listings;
import io.storeops.platform.metrics.CountedGauges;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many products each store has at each step of the listing flow, counted on a timer: where
 * the department's work waits (images in review, pages to build, failed publications to retry).
 */
@Component
class ListingGauges implements DisposableBean {

    private final CountedGauges gauges;

    ListingGauges(
            Listings listings,
            StoreCatalog stores,
            MeterRegistry meters,
            @Value("${storeops.listing.gauge-interval:30s}") Duration interval) {
        gauges = new CountedGauges(meters);
        for (String store : stores.storeIds()) {
            for (ListingStep step : ListingStep.values()) {
                gauges.gauge(
                        "storeops.listing.products",
                        "Products at the step of the listing flow, by the store that runs their listing",
                        Tags.of("store", store, "step", step.name()),
                        () -> listings.count(store, step));
            }
        }
        gauges.countEvery(interval);
    }

    @Override
    public void destroy() {
        gauges.close();
    }
}

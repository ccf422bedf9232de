package io.storeops.refund.complaints;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.storeops.platform.metrics.CountedGauges;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code storeops_reviews_low_waiting{store}}: the low reviews still waiting for their reply, per
 * store, counted on a timer (a count per scrape would put a collection scan on every one).
 */
@Component
class ReviewGauges implements DisposableBean {

    private final CountedGauges gauges;

    ReviewGauges(
            Reviews reviews,
            StoreCatalog stores,
            MeterRegistry meters,
            @Value("${storeops.refund.gauge-interval:30s}") Duration interval) {
        gauges = new CountedGauges(meters);
        for (String store : stores.storeIds()) {
            gauges.gauge(
                    "storeops.reviews.low.waiting",
                    "Low-rated reviews waiting for customer service's reply, by store",
                    Tags.of("store", store),
                    () -> reviews.lowWaiting(store));
        }
        gauges.countEvery(interval);
    }

    @Override
    public void destroy() {
        gauges.close();
    }
}

package io.storeops.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.storeops.order.review.ReviewQueue;
import io.storeops.order.stockout.StockOutQueue;
import io.storeops.platform.metrics.CountedGauges;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The lengths of customer service's work queues per store, counted on a timer (a count per scrape
 * would put a collection scan on every Prometheus request), and how long the longest-waiting
 * item of each has waited: {@code storeops_review_queue_length}, {@code storeops_stockout_queue_length}
 * and their {@code _oldest_age_seconds}.
 */
@Component
class QueueGauges implements DisposableBean {

    private final CountedGauges gauges;

    QueueGauges(
            ReviewQueue review,
            StockOutQueue stockOuts,
            StoreCatalog stores,
            MeterRegistry meters,
            Clock clock,
            @Value("${storeops.order.queue-gauge-interval:30s}") Duration interval) {
        gauges = new CountedGauges(meters);
        for (String store : stores.storeIds()) {
            Tags tags = Tags.of("store", store);
            gauges.gauge(
                    "storeops.review.queue.length",
                    "Orders waiting for customer service review, by store",
                    tags,
                    () -> review.length(store));
            gauges.age(
                    "storeops.review.queue.oldest.age.seconds",
                    "Seconds the longest-waiting order in review has waited since it was paid (0 when none waits)",
                    tags,
                    clock,
                    () -> review.oldestWaitingSince(store));
            gauges.gauge(
                    "storeops.stockout.queue.length",
                    "Buyers still to be told about missing stock, by store",
                    tags,
                    () -> stockOuts.length(store));
            gauges.age(
                    "storeops.stockout.queue.oldest.age.seconds",
                    "Seconds since the longest-open stock-out notice opened (0 when none is open)",
                    tags,
                    clock,
                    () -> stockOuts.oldestWaitingSince(store));
        }
        gauges.countEvery(interval);
    }

    @Override
    public void destroy() {
        gauges.close();
    }
}

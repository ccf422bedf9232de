package io.storeops.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.storeops.order.review.ReviewQueue;
import io.storeops.order.stockout.StockOutQueue;
import io.storeops.platform.metrics.CountedGauges;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The lengths of customer service's work queues per store, counted on a timer (a count per scrape
 * would put a collection scan on every Prometheus request): {@code storeops_review_queue_length}
 * and {@code storeops_stockout_queue_length}.
 */
@Component
class QueueGauges implements DisposableBean {

    private final CountedGauges gauges;

    QueueGauges(
            ReviewQueue review,
            StockOutQueue stockOuts,
            StoreCatalog stores,
            MeterRegistry meters,
            @Value("${storeops.order.queue-gauge-interval:30s}") Duration interval) {
        gauges = new CountedGauges(meters);
        for (String store : stores.storeIds()) {
            gauges.gauge(
                    "storeops.review.queue.length",
                    "Orders waiting for customer service review, by store",
                    Tags.of("store", store),
                    () -> review.length(store));
            gauges.gauge(
                    "storeops.stockout.queue.length",
                    "Buyers still to be told about missing stock, by store",
                    Tags.of("store", store),
                    () -> stockOuts.length(store));
        }
        gauges.countEvery(interval);
    }

    @Override
    public void destroy() {
        gauges.close();
    }
}

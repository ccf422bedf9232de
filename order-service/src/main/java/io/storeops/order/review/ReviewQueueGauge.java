package io.storeops.order.review;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.order.lifecycle.Orders;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code storeops_review_queue_length{store}}: how many orders wait for review, per store, counted
 * on a timer (a count per scrape would put a collection scan on every Prometheus request).
 */
@Component
class ReviewQueueGauge implements DisposableBean {

    private final Map<String, AtomicLong> lengths = new ConcurrentHashMap<>();
    private final Disposable refresh;

    ReviewQueueGauge(Orders orders, StoreCatalog stores, MeterRegistry meters,
                     @Value("${storeops.review.queue-gauge-interval:30s}") Duration interval) {
        for (String store : stores.storeIds()) {
            AtomicLong length = lengths.computeIfAbsent(store, id -> new AtomicLong());
            Gauge.builder("storeops.review.queue.length", length, AtomicLong::get)
                    .description("Orders waiting for customer service review, by store")
                    .tag("store", store)
                    .register(meters);
        }
        refresh = Flux.interval(Duration.ZERO, interval, Schedulers.boundedElastic())
                .concatMap(tick -> Flux.fromIterable(lengths.entrySet())
                        .concatMap(entry -> orders.reviewQueueLength(entry.getKey())
                                .doOnNext(entry.getValue()::set)
                                .onErrorResume(unavailable -> Mono.empty())))
                .subscribe();
    }

    @Override
    public void destroy() {
        refresh.dispose();
    }
}

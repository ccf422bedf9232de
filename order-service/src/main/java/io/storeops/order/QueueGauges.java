package io.storeops.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.order.review.ReviewQueue;
import io.storeops.order.stockout.StockOutQueue;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The lengths of customer service's work queues per store, counted on a timer (a count per scrape
 * would put a collection scan on every Prometheus request): {@code storeops_review_queue_length}
 * and {@code storeops_stockout_queue_length}.
 */
@Component
class QueueGauges implements DisposableBean {

    private record Queue(String store, Function<String, Mono<Long>> count, AtomicLong length) {}

    private final List<Queue> queues = new ArrayList<>();
    private final Disposable refresh;

    QueueGauges(
            ReviewQueue review,
            StockOutQueue stockOuts,
            StoreCatalog stores,
            MeterRegistry meters,
            @Value("${storeops.order.queue-gauge-interval:30s}") Duration interval) {
        for (String store : stores.storeIds()) {
            register(
                    meters,
                    store,
                    "storeops.review.queue.length",
                    "Orders waiting for customer service review, by store",
                    review::length);
            register(
                    meters,
                    store,
                    "storeops.stockout.queue.length",
                    "Buyers still to be told about missing stock, by store",
                    stockOuts::length);
        }
        refresh = Flux.interval(Duration.ZERO, interval, Schedulers.boundedElastic())
                .concatMap(tick -> Flux.fromIterable(queues)
                        .concatMap(queue -> queue.count()
                                .apply(queue.store())
                                .doOnNext(queue.length()::set)
                                .onErrorResume(unavailable -> Mono.empty())))
                .subscribe();
    }

    private void register(
            MeterRegistry meters, String store, String name, String description, Function<String, Mono<Long>> count) {
        Queue queue = new Queue(store, count, new AtomicLong());
        Gauge.builder(name, queue.length(), AtomicLong::get)
                .description(description)
                .tag("store", store)
                .register(meters);
        queues.add(queue);
    }

    @Override
    public void destroy() {
        refresh.dispose();
    }
}

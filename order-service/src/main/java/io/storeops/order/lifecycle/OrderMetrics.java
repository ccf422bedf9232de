package io.storeops.order.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.events.order.OrderHeld;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.order.OrderPlaced;
import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.stores.StoreCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order desk's business counters, counted from the events an order write stored (nothing is
 * counted that was not written) and declared at start for every store, currency and hold reason,
 * so that dashboards and alert rules have their series from the first scrape.
 */
@Configuration(proxyBeanMethods = false)
class OrderMetrics {

    @Bean
    EventCounters orderCounters(MeterRegistry meters, StoreCatalog stores) {
        StoreCounter received = new StoreCounter(
                meters, stores, "storeops.orders.received", "Orders received from storefronts, by store");
        StoreCounter paid = new StoreCounter(meters, stores, "storeops.orders.paid", "Orders paid, by store");
        for (String storeId : stores.storeIds()) {
            stores.find(storeId).ifPresent(store -> gmv(meters, storeId, store.currency()));
            for (HoldReason reason : HoldReason.values()) {
                held(meters, storeId, reason.name());
            }
        }
        return new EventCounters()
                .on(OrderPlaced.class, placed -> received.increment(placed.storeId()))
                .on(OrderPaid.class, payment -> {
                    paid.increment(payment.storeId());
                    gmv(meters, payment.storeId(), payment.total().currency())
                            .increment(payment.total().amountMinor());
                })
                .on(
                        OrderHeld.class,
                        hold -> hold.reasons()
                                .forEach(reason ->
                                        held(meters, hold.storeId(), reason).increment()));
    }

    private static Counter gmv(MeterRegistry meters, String storeId, String currency) {
        return Counter.builder("storeops.orders.gmv")
                .description("Paid order value in minor units, by store and currency")
                .baseUnit("minor_units")
                .tags("store", storeId, "currency", currency)
                .register(meters);
    }

    private static Counter held(MeterRegistry meters, String storeId, String reason) {
        return Counter.builder("storeops.orders.held")
                .description("Orders held for review, by store and reason")
                .tags("store", storeId, "reason", reason)
                .register(meters);
    }
}

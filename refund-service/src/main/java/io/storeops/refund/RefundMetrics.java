package io.storeops.refund;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.stores.StoreCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The after-sale desk's business counters, counted from the events a ledger write stored and
 * declared at start for every store, so that dashboards and alert rules have their series from
 * the first scrape.
 */
@Configuration(proxyBeanMethods = false)
class RefundMetrics {

    @Bean
    EventCounters refundCounters(MeterRegistry meters, StoreCatalog stores) {
        StoreCounter completed =
                new StoreCounter(meters, stores, "storeops.refunds.completed", "Refunds paid back to buyers, by store");
        return new EventCounters().on(RefundCompleted.class, refund -> completed.increment(refund.storeId()));
    }
}

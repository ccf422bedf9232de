package io.storeops.refund;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.stores.StoreCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refund meters, declared at start so that dashboards and alert rules have their series from the first scrape. */
@Configuration(proxyBeanMethods = false)
class RefundMetrics {

    @Bean
    StoreCounter refundsCompleted(MeterRegistry meters, StoreCatalog stores) {
        return new StoreCounter(meters, stores, "storeops.refunds.completed", "Refunds paid back to buyers, by store");
    }
}

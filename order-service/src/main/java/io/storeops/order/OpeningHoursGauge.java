package io.storeops.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * {@code storeops_store_open}: 1 while a store is within its opening hours in its own time zone,
 * else 0. The alert on orders no longer arriving reads it, since Prometheus knows only UTC and the
 * stores keep different hours in different zones.
 */
@Component
class OpeningHoursGauge {

    OpeningHoursGauge(StoreCatalog stores, MeterRegistry meters, Clock clock) {
        for (String store : stores.storeIds()) {
            StoreProperties.Store configured = stores.find(store).orElseThrow();
            Gauge.builder(
                            "storeops.store.open",
                            () -> configured.openingHours().isOpenAt(clock.instant(), configured.zone()) ? 1 : 0)
                    .description(
                            "1 while the store is within its opening hours (storeops.stores.<id>.opening-hours), else 0")
                    .tags(Tags.of("store", store))
                    .register(meters);
        }
    }
}

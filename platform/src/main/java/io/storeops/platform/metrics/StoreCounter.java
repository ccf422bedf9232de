package io.storeops.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.platform.stores.StoreCatalog;

/**
 * A business counter tagged by store, registered at zero for every configured store so that
 * dashboards and alert rules see the series before the first event (an absent series alerts on nothing).
 */
public final class StoreCounter {

    private final MeterRegistry meters;
    private final String name;
    private final String description;

    public StoreCounter(MeterRegistry meters, StoreCatalog stores, String name, String description) {
        this.meters = meters;
        this.name = name;
        this.description = description;
        stores.storeIds().forEach(this::counter);
    }

    public void increment(String storeId) {
        counter(storeId).increment();
    }

    private Counter counter(String storeId) {
        return Counter.builder(name)
                .description(description)
                .tag("store", storeId)
                .register(meters);
    }
}

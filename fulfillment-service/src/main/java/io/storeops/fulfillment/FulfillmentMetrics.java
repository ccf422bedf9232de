package io.storeops.fulfillment;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.StockAllocated;
import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.stores.StoreCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warehouse's business counters, counted from the events a fulfilment write stored and
 * declared at start for every store, so that dashboards and alert rules have their series from
 * the first scrape.
 */
@Configuration(proxyBeanMethods = false)
class FulfillmentMetrics {

    @Bean
    EventCounters fulfillmentCounters(MeterRegistry meters, StoreCatalog stores) {
        StoreCounter dispatched = new StoreCounter(
                meters, stores, "storeops.shipments.dispatched", "Shipments handed to carriers, by store");
        StoreCounter shortages = new StoreCounter(
                meters,
                stores,
                "storeops.stock.shortages",
                "Shipment lines paid without the units to cover them, by store");
        StoreCounter allocated = new StoreCounter(
                meters,
                stores,
                "storeops.stock.allocations",
                "Waiting shipment lines served by a restock or a release, by store");
        return new EventCounters()
                .on(ShipmentDispatched.class, parcel -> dispatched.increment(parcel.storeId()))
                .on(StockShortage.class, shortage -> shortages.increment(shortage.storeId()))
                .on(StockAllocated.class, served -> allocated.increment(served.storeId()));
    }
}

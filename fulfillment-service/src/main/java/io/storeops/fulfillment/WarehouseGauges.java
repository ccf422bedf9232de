package io.storeops.fulfillment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.storeops.fulfillment.batch.DispatchBatch;
import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.fulfillment.shipping.ShipmentStatus;
import io.storeops.platform.metrics.CountedGauges;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What waits in the warehouse per store, counted on a timer: shipments still in the warehouse by
 * status, the open batches' size and the oldest one's age since its cut-off (a batch not closed by
 * evening), the time left to the next cut-off, parcels in trouble and the oldest of them, and
 * returns on their way back.
 */
@Component
class WarehouseGauges implements DisposableBean {

    private static final List<ShipmentStatus> IN_WAREHOUSE =
            List.of(ShipmentStatus.READY, ShipmentStatus.ON_HOLD, ShipmentStatus.AWAITING_STOCK);

    private final CountedGauges gauges;

    WarehouseGauges(
            Fulfillments fulfillments,
            DispatchBatches batches,
            StoreCatalog stores,
            MeterRegistry meters,
            Clock clock,
            @Value("${storeops.fulfillment.gauge-interval:30s}") Duration interval) {
        gauges = new CountedGauges(meters);
        for (String store : stores.storeIds()) {
            for (ShipmentStatus status : IN_WAREHOUSE) {
                gauges.gauge(
                        "storeops.shipments.in.warehouse",
                        "Shipments not yet dispatched nor cancelled, by store and status",
                        Tags.of("store", store, "status", status.name()),
                        () -> fulfillments.countInStatus(store, status));
            }
            gauges.gauge(
                    "storeops.dispatch.batch.open.shipments",
                    "Shipments in the store's open dispatch batches",
                    Tags.of("store", store),
                    () -> batches.openShipmentCount(store));
            gauges.age(
                    "storeops.dispatch.batch.open.age.seconds",
                    "Seconds since the cut-off of the store's oldest open dispatch batch (0 when none is open)",
                    Tags.of("store", store),
                    clock,
                    () -> batches.open(store)
                            .map(DispatchBatch::cutoffAt)
                            .reduce((first, second) -> first.isBefore(second) ? first : second));
            gauges.gauge(
                    "storeops.shipment.exceptions.open",
                    "Parcels in trouble waiting for after-sale customer service, by store",
                    Tags.of("store", store),
                    () -> fulfillments.countInTrouble(store));
            gauges.age(
                    "storeops.shipment.exceptions.oldest.age.seconds",
                    "Seconds since the oldest open parcel exception was reported (0 when none is open), by store",
                    Tags.of("store", store),
                    clock,
                    () -> fulfillments.oldestTroubleReportedAt(store));
            batches.scheduleOf(store)
                    .ifPresent(schedule -> Gauge.builder(
                                    "storeops.dispatch.next.cutoff.seconds",
                                    () -> schedule.nextCutoff(clock.instant())
                                            .map(next -> Duration.between(clock.instant(), next)
                                                    .toSeconds())
                                            .orElse(0L))
                            .description("Seconds until the store's next dispatch cut-off (a working day's)")
                            .tags(Tags.of("store", store))
                            .register(meters));
            gauges.gauge(
                    "storeops.returns.awaited",
                    "Approved returns the warehouse waits for, by store",
                    Tags.of("store", store),
                    () -> fulfillments.countAwaitingReturns(store));
        }
        gauges.countEvery(interval);
    }

    @Override
    public void destroy() {
        gauges.close();
    }
}

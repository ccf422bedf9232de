package io.storeops.fulfillment.batch.messaging;

import io.storeops.contracts.events.fulfillment.DispatchBatchClosed;
import io.storeops.contracts.events.fulfillment.DispatchBatchCreated;
import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.messaging.EventHandler;
import io.storeops.platform.outbox.Applied;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shipments follow their batch through fulfilment's own events, so that a crash between the batch's
 * write and its shipments' never leaves a shipment outside the batch that listed it: a new batch's
 * shipments join it, and a closed batch's parcels that did not go out leave it for the next one.
 */
@Configuration(proxyBeanMethods = false)
class BatchEventHandlers {

    @Bean
    EventHandler<DispatchBatchCreated> shipmentsJoinTheirBatch(Fulfillments fulfillments) {
        return EventHandler.of(
                DispatchBatchCreated.class,
                event -> fulfillments.onBatchEvent(
                        event.payload().shipmentIds(),
                        event.position(),
                        shipment -> shipment.joinBatch(event.payload().batchId())));
    }

    @Bean
    EventHandler<DispatchBatchClosed> parcelsLeftBehindRollOn(DispatchBatches batches, Fulfillments fulfillments) {
        return EventHandler.of(
                DispatchBatchClosed.class,
                event -> batches.find(event.payload().batchId())
                        .filter(batch -> batch.closing() != null)
                        .map(batch -> batch.closing().rolledOn())
                        .flatMap(rolledOn -> fulfillments.onBatchEvent(
                                rolledOn,
                                event.position(),
                                shipment -> shipment.leaveBatch(event.payload().batchId())))
                        .defaultIfEmpty(Applied.Outcome.UNCHANGED));
    }
}

package io.storeops.analytics.operations.messaging;

import io.storeops.analytics.operations.DispatchBatchFacts;
import io.storeops.contracts.events.fulfillment.DispatchBatchCreated;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each dispatch batch becomes a fact, so that a parcel's dispatch can be held against its batch's day. */
@Configuration(proxyBeanMethods = false)
class BatchEventHandlers {

    @Bean
    EventHandler<DispatchBatchCreated> batchFact(DispatchBatchFacts batches) {
        return EventHandler.of(DispatchBatchCreated.class, event -> batches.created(event.payload(), event.position()));
    }
}

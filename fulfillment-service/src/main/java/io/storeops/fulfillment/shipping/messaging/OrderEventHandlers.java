package io.storeops.fulfillment.shipping.messaging;

import io.storeops.contracts.events.OrderPaid;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A paid order becomes a shipment. */
@Configuration(proxyBeanMethods = false)
class OrderEventHandlers {

    @Bean
    EventHandler<OrderPaid> shipmentForPaidOrder(Fulfillments fulfillments) {
        return EventHandler.of(OrderPaid.class, event -> fulfillments.orderPaid(event.payload(), event.position()));
    }
}

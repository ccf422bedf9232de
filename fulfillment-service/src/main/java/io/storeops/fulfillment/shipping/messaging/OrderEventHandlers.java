package io.storeops.fulfillment.shipping.messaging;

import io.storeops.contracts.events.OrderCancelled;
import io.storeops.contracts.events.OrderPaid;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A paid order becomes a shipment; a cancelled one stops it. */
@Configuration(proxyBeanMethods = false)
class OrderEventHandlers {

    @Bean
    EventHandler<OrderPaid> shipmentForPaidOrder(Fulfillments fulfillments) {
        return EventHandler.of(OrderPaid.class, event -> fulfillments.orderPaid(event.payload(), event.position()));
    }

    @Bean
    EventHandler<OrderCancelled> shipmentStoppedByCancellation(Fulfillments fulfillments) {
        return EventHandler.of(OrderCancelled.class, event -> fulfillments.orderCancelled(event.payload(), event.position()));
    }
}

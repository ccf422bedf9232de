package io.storeops.order.lifecycle.messaging;

import io.storeops.contracts.events.RefundCompleted;
import io.storeops.contracts.events.ShipmentCreated;
import io.storeops.contracts.events.ShipmentDelivered;
import io.storeops.contracts.events.ShipmentDispatched;
import io.storeops.order.lifecycle.Orders;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How fulfilment's and refunds' events move an order along. */
@Configuration(proxyBeanMethods = false)
class OrderProgressHandlers {

    @Bean
    EventHandler<ShipmentCreated> orderShipmentCreated(Orders orders) {
        return EventHandler.of(ShipmentCreated.class, event -> orders.onEvent(event.payload().orderId(), event.position(),
                order -> order.shipmentCreated(event.payload().shipmentId())));
    }

    @Bean
    EventHandler<ShipmentDelivered> orderDelivered(Orders orders) {
        return EventHandler.of(ShipmentDelivered.class, event -> orders.onEvent(event.payload().orderId(), event.position(),
                order -> order.delivered(event.payload().deliveredAt())));
    }

    @Bean
    EventHandler<RefundCompleted> orderRefunded(Orders orders) {
        return EventHandler.of(RefundCompleted.class, event -> orders.onEvent(event.payload().orderId(), event.position(),
                order -> order.refundCompleted(event.payload().amount())));
    }

    @Bean
    EventHandler<ShipmentDispatched> orderShipmentDispatched(Orders orders) {
        return EventHandler.of(ShipmentDispatched.class, event -> orders.onEvent(event.payload().orderId(), event.position(),
                order -> order.dispatched(event.payload())));
    }
}

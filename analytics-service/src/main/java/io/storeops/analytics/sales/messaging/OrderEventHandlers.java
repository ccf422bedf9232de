package io.storeops.analytics.sales.messaging;

import io.storeops.analytics.sales.SalesFacts;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every paid order becomes a sales fact. */
@Configuration(proxyBeanMethods = false)
class OrderEventHandlers {

    @Bean
    EventHandler<OrderPaid> factForPaidOrder(SalesFacts facts) {
        return EventHandler.of(OrderPaid.class, event -> facts.orderPaid(event.payload(), event.position()));
    }
}

package io.storeops.order.lifecycle.messaging;

import io.storeops.contracts.OrderScopedEvent;
import io.storeops.contracts.events.RefundCompleted;
import io.storeops.contracts.events.ShipmentCancelled;
import io.storeops.contracts.events.ShipmentCreated;
import io.storeops.contracts.events.ShipmentDelivered;
import io.storeops.contracts.events.ShipmentDispatched;
import io.storeops.contracts.events.ShipmentException;
import io.storeops.contracts.events.StockShortage;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.ShipmentProgress;
import io.storeops.order.lifecycle.StockOutFollowUp;
import io.storeops.platform.messaging.EventHandler;
import io.storeops.platform.outbox.Change;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How fulfilment's and refunds' events move an order along and show on its timeline. */
@Configuration(proxyBeanMethods = false)
class OrderProgressHandlers {

    @Bean
    EventHandler<ShipmentCreated> orderShipmentCreated(Orders orders) {
        return on(orders, ShipmentCreated.class, (order, created) -> ShipmentProgress.created(order, created.shipmentId(), created.createdAt()));
    }

    @Bean
    EventHandler<ShipmentDispatched> orderShipmentDispatched(Orders orders) {
        return on(orders, ShipmentDispatched.class, ShipmentProgress::dispatched);
    }

    @Bean
    EventHandler<ShipmentDelivered> orderDelivered(Orders orders) {
        return on(orders, ShipmentDelivered.class, (order, delivered) -> ShipmentProgress.delivered(order, delivered.deliveredAt()));
    }

    @Bean
    EventHandler<ShipmentException> orderShipmentException(Orders orders) {
        return on(orders, ShipmentException.class, ShipmentProgress::exception);
    }

    @Bean
    EventHandler<ShipmentCancelled> orderShipmentCancelled(Orders orders) {
        return on(orders, ShipmentCancelled.class, ShipmentProgress::cancelled);
    }

    @Bean
    EventHandler<StockShortage> orderStockShortage(Orders orders) {
        return on(orders, StockShortage.class, StockOutFollowUp::shortage);
    }

    @Bean
    EventHandler<RefundCompleted> orderRefunded(Orders orders) {
        return on(orders, RefundCompleted.class, (order, refund) -> order.refundCompleted(refund.refundId(), refund.amount(), refund.completedAt()));
    }

    private static <E extends OrderScopedEvent> EventHandler<E> on(Orders orders, Class<E> type,
                                                                  BiFunction<Order, E, Change<Order>> decide) {
        return EventHandler.of(type, event -> orders.onEvent(event.payload().orderId(), event.position(),
                order -> decide.apply(order, event.payload())));
    }
}

package io.storeops.analytics.sales.messaging;

import io.storeops.analytics.sales.OrderFact;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.contracts.events.fulfillment.ShipmentDelivered;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every paid order becomes a sales fact, and what happens to it after (cancelled, each parcel
 * dispatched, in trouble or delivered, refunded) goes on the same fact.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventHandlers {

    @Bean
    EventHandler<OrderPaid> factForPaidOrder(SalesFacts facts) {
        return EventHandler.of(OrderPaid.class, event -> facts.orderPaid(event.payload(), event.position()));
    }

    @Bean
    EventHandler<OrderCancelled> cancellationOnTheFact(SalesFacts facts) {
        return EventHandler.of(OrderCancelled.class, event -> {
            OrderCancelled cancelled = event.payload();
            return facts.onOrder(
                    cancelled.orderId(),
                    event.position(),
                    current -> OrderFact.cancelled(
                            current,
                            cancelled.orderId(),
                            cancelled.storeId(),
                            cancelled.cancelledAt(),
                            facts.zoneOf(cancelled.storeId())));
        });
    }

    @Bean
    EventHandler<OrderItemChanged> itemChangeOnTheFact(SalesFacts facts) {
        return EventHandler.of(
                OrderItemChanged.class,
                event -> facts.onOrder(
                        event.payload().orderId(),
                        event.position(),
                        current -> OrderFact.itemChanged(current, event.payload())));
    }

    @Bean
    EventHandler<ShipmentDispatched> dispatchOnTheFact(SalesFacts facts) {
        return EventHandler.of(
                ShipmentDispatched.class,
                event -> facts.onOrder(
                        event.payload().orderId(),
                        event.position(),
                        current -> OrderFact.shipped(
                                current,
                                event.payload(),
                                facts.zoneOf(event.payload().storeId()))));
    }

    @Bean
    EventHandler<ShipmentDelivered> deliveryOnTheFact(SalesFacts facts) {
        return EventHandler.of(
                ShipmentDelivered.class,
                event -> facts.onOrder(
                        event.payload().orderId(),
                        event.position(),
                        current -> OrderFact.delivered(
                                current,
                                event.payload(),
                                facts.zoneOf(event.payload().storeId()))));
    }

    @Bean
    EventHandler<ShipmentException> troubleOnTheFact(SalesFacts facts) {
        return EventHandler.of(
                ShipmentException.class,
                event -> facts.onOrder(
                        event.payload().orderId(),
                        event.position(),
                        current -> OrderFact.troubled(
                                current,
                                event.payload(),
                                facts.zoneOf(event.payload().storeId()))));
    }

    @Bean
    EventHandler<RefundCompleted> refundOnTheFact(SalesFacts facts) {
        return EventHandler.of(RefundCompleted.class, event -> {
            RefundCompleted refunded = event.payload();
            return facts.onOrder(
                    refunded.orderId(),
                    event.position(),
                    current -> OrderFact.refunded(current, refunded, facts.zoneOf(refunded.storeId())));
        });
    }
}

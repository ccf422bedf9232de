package io.storeops.order.lifecycle.messaging;

import io.storeops.contracts.OrderScopedEvent;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDelivered;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.contracts.events.refund.RefundClosed;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.contracts.events.refund.RefundRejected;
import io.storeops.contracts.events.refund.RefundRequested;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.ShipmentProgress;
import io.storeops.platform.messaging.EventHandler;
import io.storeops.platform.outbox.Change;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How fulfilment's and refunds' events move an order along and show on its timeline. */
@Configuration(proxyBeanMethods = false)
public class OrderProgressHandlers {

    @Bean
    EventHandler<ShipmentCreated> orderShipmentCreated(Orders orders) {
        return on(orders, ShipmentCreated.class, ShipmentProgress::created);
    }

    @Bean
    EventHandler<ShipmentDispatched> orderShipmentDispatched(Orders orders) {
        return on(orders, ShipmentDispatched.class, ShipmentProgress::dispatched);
    }

    @Bean
    EventHandler<ShipmentDelivered> orderDelivered(Orders orders) {
        return on(orders, ShipmentDelivered.class, ShipmentProgress::delivered);
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
    EventHandler<RefundCompleted> orderRefunded(Orders orders) {
        return on(
                orders,
                RefundCompleted.class,
                (order, refund) -> order.refundCompleted(refund.refundId(), refund.amount(), refund.completedAt()));
    }

    @Bean
    EventHandler<RefundRequested> afterSaleCaseRequested(Orders orders) {
        return on(
                orders,
                RefundRequested.class,
                (order, refund) -> order.afterSaleCaseMoved(
                        refund.refundId(), refund.type(), "REQUESTED", refund.amount(), refund.requestedAt()));
    }

    @Bean
    EventHandler<RefundApproved> afterSaleCaseApproved(Orders orders) {
        return on(
                orders,
                RefundApproved.class,
                (order, refund) -> order.afterSaleCaseMoved(
                        refund.refundId(), refund.type(), "APPROVED", refund.amount(), refund.decidedAt()));
    }

    @Bean
    EventHandler<RefundRejected> afterSaleCaseRejected(Orders orders) {
        return on(
                orders,
                RefundRejected.class,
                (order, refund) ->
                        order.afterSaleCaseMoved(refund.refundId(), null, "REJECTED", null, refund.decidedAt()));
    }

    @Bean
    EventHandler<RefundClosed> afterSaleCaseClosed(Orders orders) {
        return on(
                orders,
                RefundClosed.class,
                (order, refund) ->
                        order.afterSaleCaseMoved(refund.refundId(), null, "CLOSED", null, refund.closedAt()));
    }

    /** A handler applying {@code type} to the order it is about, once; events for orders never seen change nothing. */
    public static <E extends OrderScopedEvent> EventHandler<E> on(
            Orders orders, Class<E> type, BiFunction<Order, E, Change<Order>> decide) {
        return EventHandler.of(
                type,
                event -> orders.onEvent(
                        event.payload().orderId(), event.position(), order -> decide.apply(order, event.payload())));
    }
}

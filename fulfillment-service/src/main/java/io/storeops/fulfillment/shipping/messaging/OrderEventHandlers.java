package io.storeops.fulfillment.shipping.messaging;

import io.storeops.contracts.events.order.OrderAddressChanged;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderHeld;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.order.OrderReleased;
import io.storeops.contracts.events.order.OrderSellerMemoChanged;
import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.messaging.EventHandler;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A paid order becomes a shipment; review holds and releases it; corrections (address, seller's
 * memo, a changed item) reach it while it is in the warehouse; a cancelled order stops it.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventHandlers {

    @Bean
    EventHandler<OrderPaid> shipmentForPaidOrder(Fulfillments fulfillments) {
        return EventHandler.of(OrderPaid.class, event -> fulfillments.orderPaid(event.payload(), event.position()));
    }

    @Bean
    EventHandler<OrderCancelled> shipmentStoppedByCancellation(Fulfillments fulfillments, Clock clock) {
        return EventHandler.of(
                OrderCancelled.class,
                event -> fulfillments.onOrderEvent(
                        event.payload().orderId(),
                        event.position(),
                        fulfillment -> fulfillment.orderCancelled(clock.instant())));
    }

    @Bean
    EventHandler<OrderAddressChanged> shipmentFollowsTheCorrectedAddress(Fulfillments fulfillments) {
        return EventHandler.of(
                OrderAddressChanged.class,
                event -> fulfillments.onOrderEvent(
                        event.payload().orderId(),
                        event.position(),
                        fulfillment ->
                                fulfillment.addressChanged(event.payload().address())));
    }

    @Bean
    EventHandler<OrderItemChanged> shipmentPacksTheChangedItem(Fulfillments fulfillments) {
        return EventHandler.of(
                OrderItemChanged.class, event -> fulfillments.itemChanged(event.payload(), event.position()));
    }

    @Bean
    EventHandler<OrderSellerMemoChanged> shipmentTakesTheSellersMemo(Fulfillments fulfillments) {
        return EventHandler.of(
                OrderSellerMemoChanged.class,
                event -> fulfillments.onOrderEvent(
                        event.payload().orderId(),
                        event.position(),
                        fulfillment -> fulfillment.sellerMemoChanged(
                                event.payload().carrier(), event.payload().note())));
    }

    @Bean
    EventHandler<OrderHeld> shipmentWaitsForReview(Fulfillments fulfillments) {
        return EventHandler.of(
                OrderHeld.class,
                event ->
                        fulfillments.onOrderEvent(event.payload().orderId(), event.position(), Fulfillment::orderHeld));
    }

    @Bean
    EventHandler<OrderReleased> shipmentReleasedAfterReview(Fulfillments fulfillments) {
        return EventHandler.of(
                OrderReleased.class,
                event -> fulfillments.onOrderEvent(
                        event.payload().orderId(), event.position(), Fulfillment::orderReleased));
    }
}

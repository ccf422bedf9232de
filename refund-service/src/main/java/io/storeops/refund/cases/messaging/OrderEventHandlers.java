package io.storeops.refund.cases.messaging;

import io.storeops.contracts.events.fulfillment.ReturnReceived;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.messaging.EventHandler;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.Parcel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A paid order opens its after-sale file; a changed item renames its line and pays back what it
 * saves the buyer; a cancellation before dispatch pays back what is left once
 * the warehouse stopped the parcels; the parcels' moves are kept on the file, even those reported
 * before the payment (an exchange ends when its replacement leaves); a received return moves its
 * case on to the payout or the replacement.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventHandlers {

    @Bean
    EventHandler<OrderPaid> afterSaleFileForPaidOrder(AfterSales files) {
        return EventHandler.of(OrderPaid.class, event -> files.orderPaid(event.payload(), event.position()));
    }

    @Bean
    EventHandler<OrderCancelled> cancelledOrderIsPaidBack(AfterSales files) {
        return EventHandler.of(
                OrderCancelled.class,
                event -> files.onEvent(
                        event.payload().orderId(),
                        event.position(),
                        file -> file.cancelledBeforeDispatch(
                                event.payload().reason(), event.payload().cancelledAt())));
    }

    @Bean
    EventHandler<OrderItemChanged> lineFollowsItsChangedItem(AfterSales files) {
        return EventHandler.of(
                OrderItemChanged.class,
                event -> files.onEvent(
                        event.payload().orderId(),
                        event.position(),
                        file -> file.itemChanged(
                                event.payload().lineIndex(),
                                event.payload().toSku(),
                                event.payload().toTitle(),
                                event.payload().priceDifference(),
                                event.payload().changedAt())));
    }

    @Bean
    EventHandler<ShipmentCreated> parcelMade(AfterSales files) {
        return EventHandler.of(
                ShipmentCreated.class,
                event -> files.onParcelEvent(
                        event.payload().orderId(),
                        event.payload().storeId(),
                        event.position(),
                        file -> file.parcelMade(
                                event.payload().shipmentId(),
                                event.payload().replacementFor(),
                                event.payload().createdAt())));
    }

    @Bean
    EventHandler<ShipmentDispatched> parcelLeft(AfterSales files) {
        return EventHandler.of(
                ShipmentDispatched.class,
                event -> files.onParcelEvent(
                        event.payload().orderId(),
                        event.payload().storeId(),
                        event.position(),
                        file -> file.parcelMoved(
                                event.payload().shipmentId(),
                                Parcel.Status.DISPATCHED,
                                event.payload().dispatchedAt())));
    }

    @Bean
    EventHandler<ShipmentCancelled> parcelStopped(AfterSales files) {
        return EventHandler.of(
                ShipmentCancelled.class,
                event -> files.onParcelEvent(
                        event.payload().orderId(),
                        event.payload().storeId(),
                        event.position(),
                        file -> file.parcelMoved(
                                event.payload().shipmentId(),
                                Parcel.Status.STOPPED,
                                event.payload().cancelledAt())));
    }

    @Bean
    EventHandler<ReturnReceived> returnedGoodsArePaidBack(AfterSales files) {
        return EventHandler.of(
                ReturnReceived.class,
                event -> files.onEvent(
                        event.payload().orderId(),
                        event.position(),
                        file -> file.returnReceived(
                                event.payload().refundId(),
                                event.payload().lines(),
                                event.payload().inspection(),
                                event.payload().receivedBy(),
                                event.payload().receivedAt())));
    }
}

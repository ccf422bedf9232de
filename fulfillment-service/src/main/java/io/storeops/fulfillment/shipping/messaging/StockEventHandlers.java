package io.storeops.fulfillment.shipping.messaging;

import io.storeops.contracts.events.fulfillment.ReturnReceived;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.StockAllocated;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stock follows the shipments through fulfilment's own events, so that a crash between a shipment's
 * change and the stock's never loses the second: a dispatched parcel's units leave the stock, a
 * cancelled shipment's come back (to whoever waits longest), and a restock's allocation reaches the
 * shipment that waited for it.
 */
@Configuration(proxyBeanMethods = false)
class StockEventHandlers {

    @Bean
    EventHandler<ShipmentDispatched> stockLeavesWithTheParcel(Fulfillments fulfillments) {
        return EventHandler.of(ShipmentDispatched.class, event -> fulfillments.shipped(event.payload()));
    }

    @Bean
    EventHandler<ShipmentCancelled> stockComesBackFromACancelledShipment(Fulfillments fulfillments) {
        return EventHandler.of(ShipmentCancelled.class, event -> fulfillments.cancelled(event.payload()));
    }

    @Bean
    EventHandler<ReturnReceived> resellableReturnsGoBackOnTheShelf(Fulfillments fulfillments) {
        return EventHandler.of(ReturnReceived.class, event -> fulfillments.returnedToStock(event.payload()));
    }

    @Bean
    EventHandler<StockAllocated> shipmentGetsTheUnitsItWaitedFor(Fulfillments fulfillments) {
        return EventHandler.of(
                StockAllocated.class,
                event -> fulfillments.onShipmentEvent(
                        event.payload().shipmentId(),
                        event.position(),
                        fulfillment ->
                                fulfillment.stockAllocated(event.payload().sku())));
    }
}

package io.storeops.fulfillment.shipping.messaging;

import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.contracts.events.refund.RefundClosed;
import io.storeops.contracts.events.refund.RefundRequested;
import io.storeops.contracts.events.refund.ReplacementRequested;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The refund desk's decisions reach the shipment: a full refund approved before dispatch intercepts
 * the parcel; after dispatch an approved return or exchange makes the warehouse wait for it; a
 * closed refund stops the wait (and cancels an exchange's replacement not yet sent); an exchange
 * whose return came back sends a replacement parcel.
 */
@Configuration(proxyBeanMethods = false)
class RefundEventHandlers {

    @Bean
    EventHandler<RefundRequested> returnAnnounced(Fulfillments fulfillments) {
        return EventHandler.of(
                RefundRequested.class,
                event -> fulfillments.onOrderEvent(
                        event.payload().orderId(),
                        event.position(),
                        shipment -> shipment.refundRequested(
                                event.payload().refundId(),
                                event.payload().type(),
                                event.payload().lines(),
                                event.payload().requestedAt())));
    }

    @Bean
    EventHandler<RefundApproved> parcelInterceptedOrReturnAwaited(Fulfillments fulfillments) {
        return EventHandler.of(
                RefundApproved.class, event -> fulfillments.refundApproved(event.payload(), event.position()));
    }

    @Bean
    EventHandler<RefundClosed> returnNoLongerAwaitedNorReplacementSent(Fulfillments fulfillments) {
        return EventHandler.of(
                RefundClosed.class, event -> fulfillments.refundClosed(event.payload(), event.position()));
    }

    @Bean
    EventHandler<ReplacementRequested> replacementSentForAnExchange(Fulfillments fulfillments) {
        return EventHandler.of(
                ReplacementRequested.class,
                event -> fulfillments.replacementRequested(event.payload(), event.position()));
    }
}

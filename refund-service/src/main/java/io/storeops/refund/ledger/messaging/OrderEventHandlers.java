package io.storeops.refund.ledger.messaging;

import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.messaging.EventHandler;
import io.storeops.refund.ledger.RefundLedgers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A paid order opens its refund ledger. */
@Configuration(proxyBeanMethods = false)
class OrderEventHandlers {

    @Bean
    EventHandler<OrderPaid> ledgerForPaidOrder(RefundLedgers ledgers) {
        return EventHandler.of(OrderPaid.class, event -> ledgers.orderPaid(event.payload(), event.position()));
    }
}

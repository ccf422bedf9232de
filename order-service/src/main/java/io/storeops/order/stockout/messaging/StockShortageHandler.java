package io.storeops.order.stockout.messaging;

import io.storeops.contracts.events.fulfillment.StockAllocated;
import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.messaging.OrderProgressHandlers;
import io.storeops.order.stockout.StockOutFollowUp;
import io.storeops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Fulfilment's stock shortages open the order's stock-out notice (缺货通知); its restocks may close it. */
@Configuration(proxyBeanMethods = false)
class StockShortageHandler {

    @Bean
    EventHandler<StockShortage> orderStockShortage(Orders orders) {
        return OrderProgressHandlers.on(orders, StockShortage.class, StockOutFollowUp::shortage);
    }

    @Bean
    EventHandler<StockAllocated> orderRestocked(Orders orders) {
        return OrderProgressHandlers.on(orders, StockAllocated.class, StockOutFollowUp::restocked);
    }
}

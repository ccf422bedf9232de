package io.storeops.fulfillment;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Paid orders as order-service announces them, for the service tests' real Kafka records. */
final class PaidOrders {

    private PaidOrders() {}

    /** A new order id of {@code storeId}: {@code <store>:T<random>}. */
    static String newOrderId(String storeId) {
        return storeId + ":T" + UUID.randomUUID();
    }

    /** One 西湖龙井 at 128 yuan, no review hold, SF requested. */
    static OrderPaid oneTea(String orderId, Instant paidAt) {
        return paid(
                orderId,
                paidAt,
                List.of(new OrderLine("TEA-LJ-250", "西湖龙井 250g", 1, new Money(12800, "CNY"))),
                List.of());
    }

    /** The order of {@code orderId}'s store with {@code lines}, paid at {@code paidAt}, held for {@code holds}. */
    static OrderPaid paid(String orderId, Instant paidAt, List<OrderLine> lines, List<String> holds) {
        return new OrderPaid(
                orderId,
                orderId.substring(0, orderId.indexOf(':')),
                "storefront",
                orderId.substring(orderId.indexOf(':') + 1),
                lines,
                Money.zero("CNY"),
                new Money(
                        lines.stream()
                                .mapToLong(line -> line.lineTotal().amountMinor())
                                .sum(),
                        "CNY"),
                paidAt,
                null,
                null,
                "SF",
                holds,
                null);
    }
}

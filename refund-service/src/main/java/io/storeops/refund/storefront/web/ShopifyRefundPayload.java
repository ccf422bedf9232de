package io.storeops.refund.storefront.web;

import io.storeops.contracts.Money;
import io.storeops.refund.cases.AfterSale;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Shopify's {@code refunds/create} webhook body, the parts StoreOps reads (REST shape, snake case). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ShopifyRefundPayload(
        Long id, Long orderId, String note, List<RefundLineItem> refundLineItems, List<Transaction> transactions) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RefundLineItem(Integer quantity, Long lineItemId, LineItem lineItem, MoneySet subtotalSet) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LineItem(Long id, String sku, String title) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MoneySet(ShopMoney shopMoney) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ShopMoney(String amount, String currencyCode) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Transaction(String kind, String status, String amount, String currency) {}

    /** The lines refunded, in the shop's currency. */
    List<AfterSale.StorefrontLine> lines(String currency) {
        return (refundLineItems == null ? List.<RefundLineItem>of() : refundLineItems)
                .stream()
                        .filter(Objects::nonNull)
                        .map(item -> {
                            if (item.lineItem() == null
                                    || item.subtotalSet() == null
                                    || item.subtotalSet().shopMoney() == null) {
                                throw new IllegalArgumentException(
                                        "each refund_line_item needs line_item and subtotal_set.");
                            }
                            Long lineId = item.lineItemId() != null
                                    ? item.lineItemId()
                                    : item.lineItem().id();
                            return new AfterSale.StorefrontLine(
                                    lineId == null ? null : String.valueOf(lineId),
                                    item.lineItem().sku(),
                                    item.lineItem().title(),
                                    item.quantity() == null ? 0 : item.quantity(),
                                    amount(
                                            item.subtotalSet().shopMoney().amount(),
                                            item.subtotalSet().shopMoney().currencyCode(),
                                            currency));
                        })
                        .toList();
    }

    /** What went back to the buyer: the refund's successful (or pending) transactions. */
    long refundedMinor(String currency) {
        return (transactions == null ? List.<Transaction>of() : transactions)
                .stream()
                        .filter(transaction -> transaction != null
                                && "refund".equalsIgnoreCase(transaction.kind())
                                // a pending refund is on its way back: Shopify only fails it for reasons of its own
                                && ("success".equalsIgnoreCase(transaction.status())
                                        || "pending".equalsIgnoreCase(transaction.status())))
                        .mapToLong(transaction -> amount(transaction.amount(), transaction.currency(), currency))
                        .sum();
    }

    private static long amount(String amount, String givenCurrency, String currency) {
        if (givenCurrency != null && !givenCurrency.equals(currency)) {
            throw new IllegalArgumentException(
                    "amounts in " + givenCurrency + " cannot be refunds of a " + currency + " store's order.");
        }
        return Money.ofDecimal(amount, currency).amountMinor();
    }
}

package io.storeops.refund.payout.web;

import io.storeops.contracts.Money;
import reactor.core.publisher.Mono;

/**
 * Where money goes back to a buyer: the storefront's payment (Shopify's refund, the native
 * marketplace's refund call) or, in the standalone, a simulated gateway. Every payout carries an
 * idempotency key; the gateway pays a key once, however often it is asked.
 */
public interface PayoutGateway {

    /**
     * A payout to make.
     *
     * @param idempotencyKey  the order's and the case's id: the same key is the same payout
     * @param externalOrderId the order's id in its storefront ({@code OrderPaid.externalOrderId}): the Shopify
     *                        order's numeric id, the marketplace's order number; null for a file opened before StoreOps kept it
     */
    record PayoutOrder(String idempotencyKey, String orderId, String storeId, Money amount, String externalOrderId) {}

    /** The gateway's confirmation, with its reference for the payment. */
    record Receipt(String reference) {}

    /** Pays, or confirms the payment made before for the same key; fails when it does not know. */
    Mono<Receipt> pay(PayoutOrder order);
}

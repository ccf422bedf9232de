package io.storeops.refund.cases;

/**
 * Whether a store's refunds are paid through a payout gateway; where they are, staff never confirm
 * a payment by hand, which would pay the buyer twice. Answered by the payouts, which depend on the
 * cases and not the other way round.
 */
public interface GatewayPayments {

    boolean paysThroughGateway(String storeId);
}

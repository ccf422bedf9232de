package io.storeops.refund.ledger;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.Optional;

/**
 * What was paid for one order and what has been refunded so far. Every refund of the order is
 * checked against this one document, so the limit holds without multi-document transactions.
 */
public record RefundLedger(String orderId, String storeId, Money paid, Money refunded, Instant paidAt) {

    /** The order was paid: from now on refunds are possible, up to what was paid. */
    public static Change<RefundLedger> open(Optional<RefundLedger> current, OrderPaid paid) {
        if (current.isPresent()) {
            return Change.none();
        }
        return Change.of(new RefundLedger(
                paid.orderId(),
                paid.storeId(),
                paid.total(),
                Money.zero(paid.total().currency()),
                paid.paidAt()));
    }

    public Money refundable() {
        return paid.minus(refunded);
    }

    /** Whether {@code amount} may still be refunded: positive, in the order's currency, within what is left. */
    public boolean allows(Money amount) {
        return amount.amountMinor() > 0
                && amount.currency().equals(paid.currency())
                && !amount.isGreaterThan(refundable());
    }
}

package io.storeops.refund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.order.OrderPaid;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefundLedgerTest {

    private static final OrderPaid PAID = new OrderPaid(
            "shopify-us:1",
            "shopify-us",
            "shopify",
            "1",
            List.of(),
            Money.zero("USD"),
            new Money(4448, "USD"),
            Instant.parse("2026-11-28T05:00:00Z"),
            null,
            null,
            null,
            List.of(),
            null);

    @Test
    void aPaidOrderOpensALedgerOnce() {
        RefundLedger ledger = RefundLedger.open(Optional.empty(), PAID).state();

        assertThat(ledger.paid()).isEqualTo(new Money(4448, "USD"));
        assertThat(ledger.refundable()).isEqualTo(new Money(4448, "USD"));
        assertThat(RefundLedger.open(Optional.of(ledger), PAID).isNone()).isTrue();
    }

    @Test
    void refundsArePositiveInTheOrdersCurrencyAndNeverMoreThanIsLeft() {
        RefundLedger ledger = new RefundLedger("o", "s", new Money(4448, "USD"), new Money(1000, "USD"), Instant.now());

        assertThat(ledger.refundable()).isEqualTo(new Money(3448, "USD"));
        assertThat(ledger.allows(new Money(3448, "USD"))).isTrue();
        assertThat(ledger.allows(new Money(3449, "USD"))).isFalse();
        assertThat(ledger.allows(new Money(0, "USD"))).isFalse();
        assertThat(ledger.allows(new Money(-1, "USD"))).isFalse();
        assertThat(ledger.allows(new Money(100, "CNY"))).isFalse();
    }
}

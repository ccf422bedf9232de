package io.storeops.analytics.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.order.OrderPaid;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderFactTest {

    @Test
    void theDayOfPaymentIsTheStoresLocalDay() {
        OrderPaid paidLateEvening = new OrderPaid(
                "shopify-us:1",
                "shopify-us",
                "shopify",
                "1",
                List.of(),
                Money.zero("USD"),
                new Money(4448, "USD"),
                Instant.parse("2026-11-28T03:30:00Z"),
                null,
                null,
                null,
                List.of(),
                null);

        OrderFact fact = OrderFact.paid(Optional.empty(), paidLateEvening, ZoneId.of("America/New_York"))
                .state();

        assertThat(fact.paidDay()).isEqualTo("2026-11-27");
        assertThat(fact.gmvMinor()).isEqualTo(4448);
        assertThat(OrderFact.paid(Optional.of(fact), paidLateEvening, ZoneId.of("America/New_York"))
                        .isNone())
                .isTrue();
    }
}

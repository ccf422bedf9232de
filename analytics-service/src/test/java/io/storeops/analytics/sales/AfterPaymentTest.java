package io.storeops.analytics.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Attribution;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AfterPaymentTest {

    @Test
    void refundsAndCancellationsCountOnTheOrdersDaysOrOnTheirOwnDays() {
        OrderFact paidOnFirst = fact(
                "T1",
                "CNY",
                "2026-11-01",
                null,
                refund("rf-1", 3900, "2026-11-03"),
                refund("rf-2", 1000, "2026-11-05"));
        OrderFact paidBefore = fact("T2", "CNY", "2026-10-30", "2026-11-02", refund("rf-3", 500, "2026-11-03"));
        OrderFact inDollars = fact("T3", "USD", "2026-11-02", "2026-11-09", refund("rf-4", 1999, "2026-11-02"));

        assertThat(AfterPayment.ofOrders(Stream.of(paidOnFirst, inDollars)))
                .as("everything paid back of the orders paid in the window, and those cancelled since, whenever")
                .isEqualTo(Map.of(
                        "CNY", new AfterPayment.Reduction(4900, 2, 0), "USD", new AfterPayment.Reduction(1999, 1, 1)));
        assertThat(AfterPayment.madeOn(
                        Stream.of(paidOnFirst, paidBefore, inDollars),
                        LocalDate.parse("2026-11-02"),
                        LocalDate.parse("2026-11-03")))
                .as("what was paid back and cancelled on the 2nd and 3rd, both days included, whichever order")
                .isEqualTo(Map.of(
                        "CNY", new AfterPayment.Reduction(4400, 2, 1), "USD", new AfterPayment.Reduction(1999, 1, 0)));
    }

    private static OrderFact.Refund refund(String refundId, long amountMinor, String day) {
        return new OrderFact.Refund(refundId, amountMinor, Instant.parse(day + "T04:00:00Z"), day, List.of());
    }

    private static OrderFact fact(
            String orderId, String currency, String paidDay, String cancelledDay, OrderFact.Refund... refunds) {
        return new OrderFact(
                orderId,
                "tmall-flagship",
                currency,
                10_000,
                Instant.parse(paidDay + "T04:00:00Z"),
                paidDay,
                12,
                "storefront",
                Attribution.NONE,
                null,
                null,
                List.of(),
                cancelledDay == null ? null : Instant.parse(cancelledDay + "T04:00:00Z"),
                cancelledDay,
                null,
                null,
                List.of(refunds),
                List.of());
    }
}

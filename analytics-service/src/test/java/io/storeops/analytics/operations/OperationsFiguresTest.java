package io.storeops.analytics.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.analytics.sales.CurrencySales;
import io.storeops.analytics.sales.OrderFact;
import io.storeops.contracts.Attribution;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsFiguresTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    private static final LocalDate SUNDAY = LocalDate.parse("2026-11-29");

    @Test
    void aWeekOfOperationsWorkedOutByHand() {
        // 7 orders, 1,234.56 in all; 2 refunds made in the week (one order of the week refunded 100.00);
        // 1 cancelled in the week
        CurrencySales sales = new CurrencySales("CNY", 7, 123_456, 10_000, 113_456, 15_000, 2, 0, 1);
        Map<String, BatchFact> batches = Map.of(
                "b-mon", new BatchFact("b-mon", "s", MONDAY, Instant.parse("2026-11-23T06:00:00Z"), 2),
                "b-tue", new BatchFact("b-tue", "s", MONDAY.plusDays(1), Instant.parse("2026-11-24T06:00:00Z"), 1));
        List<OrderFact> dispatched = List.of(
                fact(parcel("p1", "b-mon", "2026-11-23"), parcel("p2", "b-tue", "2026-11-25")), // p2 a day late
                fact(parcel("p3", "b-mon", "2026-11-24")), // a day late
                fact(parcel("p4", null, "2026-11-26")), // urgent, outside any batch
                fact(parcel("p5", "b-tue", "2026-11-30"))); // after the week: not counted
        OrderFact.Parcel lost = new OrderFact.Parcel(
                "p6",
                "b-mon",
                Instant.parse("2026-11-23T08:00:00Z"),
                "2026-11-23",
                null,
                null,
                List.of(new OrderFact.Trouble("LOST", Instant.parse("2026-11-25T02:00:00Z"), "2026-11-25")));
        OrderFact.Parcel foundLate = new OrderFact.Parcel(
                "p7",
                "b-mon",
                Instant.parse("2026-11-20T08:00:00Z"),
                "2026-11-20",
                Instant.parse("2026-11-26T02:00:00Z"),
                "2026-11-26",
                List.of(new OrderFact.Trouble("DELAYED", Instant.parse("2026-11-21T02:00:00Z"), "2026-11-21")));

        OperationsFigures week = OperationsFigures.of(
                MONDAY, SUNDAY, sales, dispatched, batches, List.of(fact(lost), fact(foundLate)), 40_000);

        assertThat(week.paidOrders()).isEqualTo(7);
        assertThat(week.aovMinor()).as("123456 / 7 = 17636.57").isEqualTo(17_637);
        assertThat(week.parcelsDispatched()).as("p1 to p4").isEqualTo(4);
        assertThat(week.dispatchedLate()).as("p2 and p3").isEqualTo(2);
        assertThat(week.troublesReported())
                .as("p6's, on the 25th; p7's was the week before")
                .isEqualTo(1);
        assertThat(week.parcelsInTrouble())
                .as("p6 lost; p7 delivered on the 26th")
                .isEqualTo(1);
        assertThat(week.refunds()).isEqualTo(2);
        assertThat(week.refundedMinor()).isEqualTo(15_000);
        assertThat(week.refundRate()).as("2 / 7 = 0.285714").isEqualTo(new BigDecimal("0.2857"));
        assertThat(week.cancelled()).isEqualTo(1);
        assertThat(week.roi()).as("123456 / 40000 = 3.0864").isEqualTo(new BigDecimal("3.09"));
        assertThat(week.roiNetOfRefunds()).as("113456 / 40000 = 2.8364").isEqualTo(new BigDecimal("2.84"));
        assertThat(OperationsFigures.change(100_000, week.gmvMinor())).isEqualTo(new BigDecimal("0.2346"));
        assertThat(OperationsFigures.change(0, 5)).as("no change from nothing").isNull();
    }

    @Test
    void aWeekWithoutOrdersOrSpendHasNoRatesRatherThanZeros() {
        OperationsFigures quiet = OperationsFigures.of(
                MONDAY, SUNDAY, new CurrencySales("CNY", 0, 0, 0, 0, 0, 0, 0, 0), List.of(), Map.of(), List.of(), 0);

        assertThat(quiet.aovMinor()).isNull();
        assertThat(quiet.refundRate()).isNull();
        assertThat(quiet.roi()).isNull();
    }

    private static OrderFact.Parcel parcel(String shipmentId, String batchId, String day) {
        return new OrderFact.Parcel(shipmentId, batchId, Instant.parse(day + "T07:00:00Z"), day, null, null, List.of());
    }

    private static OrderFact fact(OrderFact.Parcel... parcels) {
        return new OrderFact(
                "o",
                "s",
                "CNY",
                1000,
                Instant.parse("2026-11-22T02:00:00Z"),
                "2026-11-22",
                10,
                "storefront",
                Attribution.NONE,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                List.of(),
                List.of(parcels));
    }
}

package io.storeops.analytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.analytics.sales.OrderFact;
import io.storeops.contracts.Attribution;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemSalesTest {

    @Test
    void anItemsSalesAreItsOrdersUnitsLinesAndRefundsWhateverTheSpellingOfItsSku() {
        OrderFact twoLinesOfTea = fact(
                List.of(
                        new OrderFact.Line("TEA-LJ-250", "西湖龙井", 2, 12_800),
                        new OrderFact.Line("tea-lj-250", "西湖龙井 赠品", 1, 0)),
                List.of(new OrderFact.Refund(
                        "rf-1",
                        12_800,
                        Instant.parse("2026-11-25T02:00:00Z"),
                        "2026-11-25",
                        List.of(new OrderFact.SkuAmount("TEA-LJ-250", 12_800)))));
        OrderFact aCup = fact(List.of(new OrderFact.Line("CUP-GL-01", "Glass cup", 1, 3_000)), List.of());

        List<ItemSales> sales = ItemSales.of(List.of("tea-lj-250", "white-tea"), List.of(twoLinesOfTea, aCup));

        assertThat(sales)
                .containsExactly(
                        new ItemSales("TEA-LJ-250", "西湖龙井", 1, 3, 25_600, 12_800),
                        new ItemSales("white-tea", null, 0, 0, 0, 0));
    }

    private static OrderFact fact(List<OrderFact.Line> lines, List<OrderFact.Refund> refunds) {
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
                lines,
                null,
                null,
                null,
                null,
                refunds,
                List.of());
    }
}

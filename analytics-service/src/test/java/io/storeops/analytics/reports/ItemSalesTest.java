package io.storeops.analytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.analytics.listing.ListingFact;
import io.storeops.analytics.promotion.ListedItems;
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

    @Test
    void aListedProductsSalesAreThoseOfAllItsSkusUnderItsItemId() {
        ListedItems listed = ListedItems.of(List.of(new ListingFact(
                "MUG",
                "tmall-flagship",
                List.of(new ListingFact.Version(
                        1,
                        1,
                        "手绘陶瓷马克杯",
                        "6507654321",
                        List.of(
                                new ListingFact.Sku("MUG-W", "白色", 5_900L, "CNY"),
                                new ListingFact.Sku("MUG-B", "黑色", 5_900L, "CNY")),
                        List.of(),
                        "ui.chen",
                        Instant.parse("2026-03-01T01:00:00Z"))),
                List.of())));
        OrderFact bothColours = fact(
                List.of(
                        new OrderFact.Line("MUG-W", "白色马克杯", 1, 5_900),
                        new OrderFact.Line("MUG-B", "黑色马克杯", 2, 5_900),
                        new OrderFact.Line("MUG-B", "黑色马克杯 赠品", 1, 0)),
                List.of(new OrderFact.Refund(
                        "rf-2",
                        5_900,
                        Instant.parse("2026-11-25T02:00:00Z"),
                        "2026-11-25",
                        List.of(new OrderFact.SkuAmount("MUG-B", 5_900)))));

        assertThat(ItemSales.of(List.of("6507654321"), List.of(bothColours), listed))
                .as("one order, four units, each SKU's refunds once")
                .containsExactly(new ItemSales("MUG-W", "白色马克杯", 1, 4, 17_700, 5_900));
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

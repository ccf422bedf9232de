package io.storeops.analytics.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.analytics.listing.ListingFact;
import io.storeops.analytics.promotion.ListedItems;
import io.storeops.analytics.sales.OrderFact;
import io.storeops.analytics.traffic.TrafficFigures.Line;
import io.storeops.analytics.traffic.TrafficFigures.Sold;
import io.storeops.analytics.traffic.TrafficFigures.Visits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficFiguresTest {

    @Test
    void conversionPagesPerVisitorAndAovPerDayHalfUpAndNullWhereNothingDivides() {
        List<Line> days = TrafficFigures.byDay(
                List.of(new Visits("2025-06-01", null, null, 1200, 3000), new Visits("2025-06-02", null, null, 0, 0)),
                Map.of("2025-06-01", new Sold(7, 179_200), "2025-06-03", new Sold(1, 10_001)));

        assertThat(days).extracting(Line::day).containsExactly("2025-06-01", "2025-06-02", "2025-06-03");
        Line first = days.get(0);
        assertThat(first.conversion()).isEqualByComparingTo("0.0058"); // 7 / 1200 = 0.005833
        assertThat(first.pagesPerVisitor()).isEqualByComparingTo("2.50"); // 3000 / 1200
        assertThat(first.aovMinor()).isEqualTo(25_600); // 179 200 / 7
        assertThat(days.get(1).conversion()).isNull();
        assertThat(days.get(1).aovMinor()).isNull();
        assertThat(days.get(2).visitors()).isZero();
        assertThat(days.get(2).conversion()).isNull();

        Line total = TrafficFigures.total(days);
        assertThat(total.visitors()).isEqualTo(1200);
        assertThat(total.paidOrders()).isEqualTo(8);
        assertThat(total.conversion()).isEqualByComparingTo("0.0067"); // 8 / 1200 = 0.006667
        assertThat(total.aovMinor()).isEqualTo(23_650); // 189 201 / 8 = 23 650.125
    }

    @Test
    void itemsMeetOrdersBySkuOrElseByTitleAndAnOrderCountsOnceForEachSkuItHolds() {
        List<OrderFact.Line> twoTeas = fact(
                new OrderFact.Line("TEA-LJ-250", "西湖龙井 250g", 2, 25_600),
                new OrderFact.Line("6509876543", "明前碧螺春 100g", 1, 12_800),
                new OrderFact.Line("TEA-LJ-250", "西湖龙井 250g", 1, 25_600));
        List<OrderFact.Line> oneTea = fact(new OrderFact.Line("TEA-LJ-250", "西湖龙井 250g", 1, 25_600));
        List<OrderFact.Line> aCup = fact(new OrderFact.Line("CUP-1", "玻璃杯", 1, 3_000));

        List<Line> items = TrafficFigures.byItem(
                List.of(
                        new Visits(null, "6501234567", "西湖龙井  250g", 2000, 5000),
                        new Visits(null, "6509876543", "明前碧螺春 100g", 300, 450)),
                List.of(twoTeas, oneTea, aCup));

        assertThat(items).hasSize(3);
        Line longjing = items.get(0);
        assertThat(longjing.itemId()).isEqualTo("6501234567");
        assertThat(longjing.sku()).isEqualTo("TEA-LJ-250"); // met by title, spaces aside
        assertThat(longjing.paidOrders()).isEqualTo(2);
        assertThat(longjing.gmvMinor()).isEqualTo(102_400); // 3 × 25 600 + 25 600
        assertThat(longjing.conversion()).isEqualByComparingTo(new BigDecimal("0.0010")); // 2 / 2000
        Line biluochun = items.get(1);
        assertThat(biluochun.sku()).isEqualTo("6509876543"); // met by id: the id is the SKU
        assertThat(biluochun.paidOrders()).isEqualTo(1);
        assertThat(biluochun.conversion()).isEqualByComparingTo("0.0033"); // 1 / 300
        assertThat(biluochun.pagesPerVisitor()).isEqualByComparingTo("1.50");
        Line cup = items.get(2);
        assertThat(cup.itemTitle()).isEqualTo("玻璃杯");
        assertThat(cup.visitors()).isZero();
        assertThat(cup.conversion()).isNull();
    }

    @Test
    void anExportsItemIdThatIsAListedProductsMeetsTheOrdersOfAllItsSkus() {
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

        List<Line> items = TrafficFigures.byItem(
                List.of(new Visits(null, "6507654321", "马克杯（导出的标题）", 1_000, 2_000)),
                List.of(
                        fact(new OrderFact.Line("MUG-W", "白色", 1, 5_900), new OrderFact.Line("MUG-B", "黑色", 1, 5_900)),
                        fact(new OrderFact.Line("MUG-B", "黑色", 2, 5_900))),
                listed);

        assertThat(items).hasSize(1);
        assertThat(items.get(0).paidOrders())
                .as("an order of both colours once")
                .isEqualTo(2);
        assertThat(items.get(0).gmvMinor()).isEqualTo(5_900 * 4);
        assertThat(items.get(0).sku()).isEqualTo("MUG-W");
        assertThat(items.get(0).conversion()).isEqualByComparingTo("0.0020");
    }

    private static List<OrderFact.Line> fact(OrderFact.Line... lines) {
        return List.of(lines);
    }
}

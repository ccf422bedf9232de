package io.storeops.analytics.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.analytics.listing.ListingFact;
import io.storeops.analytics.sales.OrderFact;
import io.storeops.contracts.Attribution;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListedItemsTest {

    /** A mug in two colours, on sale as 宝贝 6507654321, relisted as 6507654999; the seller's 商家编码 is the SKU. */
    private static final ListingFact MUG = new ListingFact(
            "MUG",
            "tmall-flagship",
            List.of(
                    version(1, "6507654321", "手绘陶瓷马克杯", List.of("MUG-W", "MUG-B")),
                    version(2, "6507654999", "手绘陶瓷马克杯 礼盒装", List.of("MUG-W", "MUG-B", "MUG-R"))),
            List.of());

    /** A product dropped before it was ever published: no item id, nothing to meet. */
    private static final ListingFact NEVER_ON_SALE =
            new ListingFact("VASE", "tmall-flagship", List.of(version(1, null, "花瓶", List.of("VASE-1"))), List.of());

    private static final ListedItems LISTED = ListedItems.of(List.of(MUG, NEVER_ON_SALE));

    @Test
    void aProductIsMetByAnyOfItsItemIdsItsSkusOrItsTitleAndCountsUnderTheIdItIsOnSaleUnderNow() {
        ListedItems.Item mug = LISTED.named("6507654321").orElseThrow();
        assertThat(mug.key()).isEqualTo("6507654999");
        assertThat(mug.itemId()).isEqualTo("6507654999");
        assertThat(mug.skuKeys()).containsExactlyInAnyOrder("mug-w", "mug-b", "mug-r");
        assertThat(LISTED.named(" 6507654999 ")).contains(mug);
        assertThat(LISTED.selling("mug-b")).contains(mug);
        assertThat(LISTED.titled("手绘陶瓷马克杯  礼盒装")).contains(mug);
        assertThat(LISTED.keyOfSku("MUG-R")).isEqualTo("6507654999");
        assertThat(LISTED.keyOfSku("CUP-GL-01")).as("not listed: its own").isEqualTo("cup-gl-01");
        assertThat(LISTED.selling("VASE-1")).isEmpty();
        assertThat(ListedItems.NONE.named("6507654321")).isEmpty();
    }

    @Test
    void aReportRowNamingTheStorefrontItemIdMeetsTheOrdersOfAllItsSkusOnceEach() {
        OrderFact twoColours = promoted(
                "T1",
                List.of(
                        new OrderFact.Line("MUG-W", "白色马克杯", 1, 5_900),
                        new OrderFact.Line("MUG-B", "黑色马克杯", 2, 5_900),
                        new OrderFact.Line("CUP-GL-01", "玻璃杯", 1, 3_000)),
                new OrderFact.SkuAmount("MUG-B", 5_900));
        OrderFact oneRed = promoted("T2", List.of(new OrderFact.Line("MUG-R", "红色马克杯", 1, 6_900)));

        List<PromotionTable.Row> rows = PromotionTable.join(
                Dimension.ITEM,
                List.of(new PromotionTable.Traffic(
                        "6507654321", "手绘马克杯（旧标题）", new PromotionFigures(900, 30, 6_000, null, null))),
                List.of(twoColours, oneRed),
                LISTED);

        PromotionTable.Row mug = rows.get(0);
        assertThat(mug.key()).isEqualTo("6507654999");
        assertThat(mug.label()).as("as the report writes it").isEqualTo("6507654321");
        assertThat(mug.figures().attributed())
                .as("an order holding two colours counts once; the black one paid back comes off")
                .isEqualTo(new PromotionFigures.Sales(2, 5_900 * 3 + 6_900, 5_900));
        assertThat(mug.figures().roi()).isEqualTo(new java.math.BigDecimal("4.10")); // 24 600 / 6 000
        assertThat(rows).extracting(PromotionTable.Row::label).containsExactly("6507654321", "CUP-GL-01");

        List<PromotionTable.Row> unreported =
                PromotionTable.join(Dimension.ITEM, List.of(), List.of(twoColours, oneRed), LISTED);
        assertThat(unreported.get(0).label())
                .as("orders alone: under its item id")
                .isEqualTo("6507654999");
        assertThat(unreported.get(0).detail()).isEqualTo("手绘陶瓷马克杯 礼盒装");
    }

    @Test
    void theOldWaysStillMeetWhatIsNotListedAndASkuAsItemIdMeetsItsProduct() {
        OrderFact cupAndMug = promoted(
                "T3",
                List.of(
                        new OrderFact.Line("CUP-GL-01", "玻璃杯", 1, 3_000),
                        new OrderFact.Line("MUG-W", "白色马克杯", 1, 5_900)));

        List<PromotionTable.Row> rows = PromotionTable.join(
                Dimension.ITEM,
                List.of(
                        new PromotionTable.Traffic("CUP-GL-01", null, new PromotionFigures(100, 5, 500, null, null)),
                        new PromotionTable.Traffic("MUG-W", null, new PromotionFigures(100, 5, 700, null, null))),
                List.of(cupAndMug),
                LISTED);

        assertThat(rows).extracting(PromotionTable.Row::key).containsExactly("cup-gl-01", "6507654999");
        assertThat(rows.get(0).figures().attributed().gmvMinor()).isEqualTo(3_000);
        assertThat(rows.get(1).figures().attributed().gmvMinor()).isEqualTo(5_900);
    }

    private static ListingFact.Version version(int number, String itemId, String title, List<String> skus) {
        return new ListingFact.Version(
                number,
                number,
                title,
                itemId,
                skus.stream()
                        .map(sku -> new ListingFact.Sku(sku, null, 5_900L, "CNY"))
                        .toList(),
                List.of(),
                "ui.chen",
                Instant.parse("2026-03-01T01:00:00Z").plusSeconds(86_400L * number));
    }

    private static OrderFact promoted(String number, List<OrderFact.Line> lines, OrderFact.SkuAmount... refunded) {
        return new OrderFact(
                "tmall-flagship:" + number,
                "tmall-flagship",
                "CNY",
                lines.stream()
                        .mapToLong(line -> line.unitPriceMinor() * line.quantity())
                        .sum(),
                Instant.parse("2026-03-05T02:00:00Z"),
                "2026-03-05",
                10,
                "storefront",
                new Attribution("tmall", "cpc", "马克杯-春季", "马克杯"),
                null,
                null,
                lines,
                null,
                null,
                null,
                null,
                refunded.length == 0
                        ? List.of()
                        : List.of(new OrderFact.Refund(
                                "rf-" + number,
                                List.of(refunded).stream()
                                        .mapToLong(OrderFact.SkuAmount::amountMinor)
                                        .sum(),
                                Instant.parse("2026-03-08T02:00:00Z"),
                                "2026-03-08",
                                List.of(refunded))),
                List.of());
    }
}

package io.storeops.analytics.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.analytics.sales.OrderFact;
import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.LineAmount;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionTableTest {

    private static final ZoneId HANGZHOU = ZoneId.of("Asia/Shanghai");

    private static final OrderLine TEA = new OrderLine("TEA-LJ-250", "西湖龙井 250g", 2, new Money(12800, "CNY"));
    private static final OrderLine CUP = new OrderLine("CUP-GL-01", "Glass cup", 1, new Money(3000, "CNY"));

    /** Two teas and a cup bought on 龙井茶, one tea paid back. */
    private static final OrderFact TWO_TEAS_ONE_BACK = refunded(
            fact("T1", "龙井茶", "浙江省", "2026-11-20T02:10:00Z", TEA, CUP),
            new LineAmount("TEA-LJ-250", 1, new Money(12800, "CNY")));

    private static final OrderFact ONE_TEA = fact(
            "T2",
            " 龙井茶",
            "上海市",
            "2026-11-21T03:00:00Z",
            new OrderLine("TEA-LJ-250", "西湖龙井 250g", 1, new Money(12800, "CNY")));

    private static final OrderFact WHITE_TEA = fact(
            "T3",
            "白茶",
            "浙江省",
            "2026-11-21T03:30:00Z",
            new OrderLine("TEA-BC-100", "白茶 100g", 1, new Money(9900, "CNY")));

    private static final OrderFact ORGANIC = fact("T4", null, "浙江省", "2026-11-21T05:00:00Z", CUP);

    private static final List<OrderFact> FACTS = List.of(TWO_TEAS_ONE_BACK, ONE_TEA, WHITE_TEA, ORGANIC);

    @Test
    void keywordsMeetTheirOrdersWhateverTheSpacingAndRefundsComeOffTheNetRoiOnly() {
        List<PromotionTable.Row> rows = PromotionTable.join(
                Dimension.KEYWORD,
                List.of(
                        traffic("龙井茶", 2000, 100, 10_000, 3, 45_000),
                        traffic("明前龙井", 800, 20, 5_000, 0, 0),
                        traffic("龙井茶", 1000, 50, 5_000, 1, 12_800)),
                FACTS);

        assertThat(rows).extracting(PromotionTable.Row::label).containsExactly("龙井茶", "明前龙井", "白茶");
        PromotionFigures longjing = rows.get(0).figures();
        assertThat(longjing.spendMinor()).isEqualTo(15_000);
        assertThat(longjing.reported()).isEqualTo(new PromotionFigures.Sales(4, 57_800, 0));
        assertThat(longjing.attributed()).isEqualTo(new PromotionFigures.Sales(2, 28_600 + 12_800, 12_800));
        assertThat(longjing.roi()).isEqualTo(new BigDecimal("2.76")); // 41400 / 15000
        assertThat(longjing.roiNetOfRefunds()).isEqualTo(new BigDecimal("1.91")); // 28600 / 15000 = 1.9066
        assertThat(rows.get(1).figures().roi()).as("spend without sales").isEqualTo(new BigDecimal("0.00"));
        assertThat(rows.get(2).figures().roi()).as("sales without spend").isNull();
        assertThat(rows.get(2).figures().attributed().gmvMinor()).isEqualTo(9_900);

        assertThat(PromotionTable.ranked(rows, PromotionTable.Metric.ROI_NET_OF_REFUNDS, true, 3))
                .extracting(PromotionTable.Row::label)
                .containsExactly("龙井茶", "明前龙井", "白茶");
        assertThat(PromotionTable.ranked(rows, PromotionTable.Metric.ROI_NET_OF_REFUNDS, false, 2))
                .as("the bottom: lowest first, rows without an ROI last")
                .extracting(PromotionTable.Row::label)
                .containsExactly("明前龙井", "龙井茶");
        assertThat(PromotionTable.total(rows).spendMinor()).isEqualTo(20_000);
    }

    @Test
    void itemsAreTheirLinesAndAReportNamesThemByTitleWhenItsIdIsNotTheSku() {
        List<PromotionTable.Row> rows = PromotionTable.join(
                Dimension.ITEM,
                List.of(new PromotionTable.Traffic(
                        "6501234567", "西湖龙井 250g", new PromotionFigures(900, 30, 6_000, null, null))),
                FACTS);

        PromotionTable.Row tea = rows.get(0);
        assertThat(tea.label()).isEqualTo("6501234567");
        assertThat(tea.figures().attributed())
                .as("the tea lines of both orders, one tin paid back; the cup is not the tea's")
                .isEqualTo(new PromotionFigures.Sales(2, 25_600 + 12_800, 12_800));
        assertThat(rows).extracting(PromotionTable.Row::label).containsExactly("6501234567", "CUP-GL-01", "TEA-BC-100");
    }

    @Test
    void regionsMeetAddressesWithoutTheProvinceSuffixAndHoursAreTheStoresOwn() {
        List<PromotionTable.Row> regions =
                PromotionTable.join(Dimension.REGION, List.of(traffic("浙江", 100, 10, 1_000, 0, 0)), FACTS);
        assertThat(regions.get(0).figures().attributed().orders()).isEqualTo(2);
        assertThat(regions).extracting(PromotionTable.Row::label).containsExactly("浙江", "上海市");

        List<PromotionTable.Row> hours =
                PromotionTable.join(Dimension.HOUR, List.of(traffic("10", 100, 10, 1_000, 0, 0)), FACTS);
        assertThat(hours.get(0).figures().attributed().orders())
                .as("paid 02:10 UTC is 10 o'clock in Hangzhou")
                .isEqualTo(1);
    }

    @Test
    void pagesAreTheOrdersLandingPagesWithoutSpend() {
        OrderFact landed = OrderFact.paid(
                        Optional.empty(),
                        new OrderPaid(
                                "tmall-flagship:T9",
                                "tmall-flagship",
                                "storefront",
                                "T9",
                                List.of(TEA),
                                Money.zero("CNY"),
                                new Money(25_600, "CNY"),
                                Instant.parse("2026-11-21T02:00:00Z"),
                                null,
                                null,
                                null,
                                List.of(),
                                new Attribution("tmall", "cpc", "双十二预热", "龙井茶", "/item/6501234567")),
                        HANGZHOU)
                .state();

        List<PromotionTable.Row> pages = PromotionTable.join(Dimension.PAGE, List.of(), List.of(landed, ONE_TEA));

        assertThat(pages).extracting(PromotionTable.Row::label).containsExactly("/item/6501234567");
        assertThat(pages.get(0).figures().attributed()).isEqualTo(new PromotionFigures.Sales(1, 25_600, 0));
        assertThat(pages.get(0).figures().roi()).as("no report spends by page").isNull();
    }

    @Test
    void oneAdAccountTakesTheStoresPromotedOrdersAndSeveralLeaveThemApart() {
        assertThat(PromotionTable.join(Dimension.ACCOUNT, List.of(traffic("茶叶旗舰店", 100, 10, 1_000, 0, 0)), FACTS)
                        .get(0)
                        .figures()
                        .attributed()
                        .orders())
                .isEqualTo(3);
        assertThat(PromotionTable.join(
                        Dimension.ACCOUNT,
                        List.of(traffic("账户一", 100, 10, 1_000, 0, 0), traffic("账户二", 100, 10, 1_000, 0, 0)),
                        FACTS))
                .extracting(PromotionTable.Row::key)
                .containsExactly("账户一", "账户二", Dimension.ALL);
    }

    @Test
    void namesOfDimensionsAndMetricsAreCheckedWithTheAcceptedOnesListed() {
        assertThat(Dimension.named("Keyword")).isEqualTo(Dimension.KEYWORD);
        assertThat(PromotionTable.Metric.named("roiNetOfRefunds")).isEqualTo(PromotionTable.Metric.ROI_NET_OF_REFUNDS);
        assertThatThrownBy(() -> Dimension.named("shelf")).hasMessageContaining("account, campaign, item");
        assertThatThrownBy(() -> PromotionTable.Metric.named("profit")).hasMessageContaining("roiNetOfRefunds");
        assertThat(Dimension.KEYWORD.keyOf("[Tea  Mug]")).isEqualTo(Dimension.KEYWORD.keyOf("tea mug"));
    }

    private static PromotionTable.Traffic traffic(
            String value, long impressions, long clicks, long spendMinor, long orders, long gmvMinor) {
        return new PromotionTable.Traffic(
                value,
                null,
                new PromotionFigures(
                        impressions, clicks, spendMinor, new PromotionFigures.Sales(orders, gmvMinor, 0), null));
    }

    private static OrderFact fact(String number, String keyword, String province, String paidAt, OrderLine... lines) {
        long total = List.of(lines).stream()
                .mapToLong(line -> line.lineTotal().amountMinor())
                .sum();
        OrderPaid paid = new OrderPaid(
                "tmall-flagship:" + number,
                "tmall-flagship",
                "storefront",
                number,
                List.of(lines),
                Money.zero("CNY"),
                new Money(total, "CNY"),
                Instant.parse(paidAt),
                new Address("王芳", "13800138000", "CN", province, "杭州市", "西湖区", "文三路 90 号", null, "310012"),
                null,
                null,
                List.of(),
                keyword == null ? Attribution.NONE : new Attribution("tmall", "cpc", "双十二预热", keyword));
        return OrderFact.paid(Optional.empty(), paid, HANGZHOU).state();
    }

    private static OrderFact refunded(OrderFact fact, LineAmount line) {
        return OrderFact.refunded(
                        Optional.of(fact),
                        new RefundCompleted(
                                fact.orderId(),
                                fact.storeId(),
                                "rf-" + fact.orderId(),
                                line.amount(),
                                Instant.parse("2026-11-25T02:00:00Z"),
                                List.of(line)),
                        HANGZHOU)
                .state();
    }
}

package io.storeops.analytics.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.analytics.listing.ListingFact;
import io.storeops.analytics.pages.PageVersionFigures.ItemDay;
import io.storeops.analytics.pages.PageVersionFigures.Period;
import io.storeops.analytics.pages.PageVersionFigures.Status;
import io.storeops.analytics.pages.PageVersionFigures.VersionFigures;
import io.storeops.analytics.sales.OrderFact;
import io.storeops.contracts.Attribution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageVersionFiguresTest {

    private static final ZoneId HANGZHOU = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-15");
    private static final String ITEM = "6507654321";
    private static final String TITLE = "手绘陶瓷马克杯";

    /** Version 1 on sale from 1 March (09:00 in Hangzhou), version 2 (a new detail page) from 11 March. */
    private static final ListingFact TWO_VERSIONS = fact(
            List.of(version(1, "2026-03-01T01:00:00Z"), version(2, "2026-03-11T01:00:00Z", "DETAIL_PAGE")), List.of());

    @Test
    void eachVersionCountsWholeStoreDaysFromItsPublicationToTheDayBeforeTheNextOrToToday() {
        assertThat(PageVersionFigures.periodOf(
                        TWO_VERSIONS, TWO_VERSIONS.versions().get(0), HANGZHOU, TODAY))
                .contains(new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-10")));
        assertThat(PageVersionFigures.periodOf(
                        TWO_VERSIONS, TWO_VERSIONS.versions().get(1), HANGZHOU, TODAY))
                .as("on sale: up to today")
                .contains(new Period(LocalDate.parse("2026-03-11"), TODAY));
        assertThat(PageVersionFigures.span(TWO_VERSIONS, HANGZHOU, TODAY))
                .contains(new Period(LocalDate.parse("2026-03-01"), TODAY));

        ListingFact sameDay = fact(
                List.of(
                        version(1, "2026-03-01T01:00:00Z"),
                        version(2, "2026-03-01T05:00:00Z"),
                        // 01:00 on the 11th in Hangzhou, the 10th in UTC: the store's day counts
                        version(3, "2026-03-10T17:00:00Z")),
                List.of());
        assertThat(PageVersionFigures.periodOf(sameDay, sameDay.versions().get(0), HANGZHOU, TODAY))
                .as("replaced on its own day")
                .isEmpty();
        assertThat(PageVersionFigures.periodOf(sameDay, sameDay.versions().get(1), HANGZHOU, TODAY))
                .contains(new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-10")));
        assertThat(PageVersionFigures.periodOf(
                        sameDay, sameDay.versions().get(2), HANGZHOU, LocalDate.parse("2026-03-10")))
                .as("published after today")
                .isEmpty();
    }

    @Test
    void aWithdrawalEndsAVersionOnItsDayUnlessTheProductIsRelistedThatDay() {
        ListingFact relistedLater = fact(
                List.of(version(1, "2026-03-01T01:00:00Z"), version(2, "2026-04-01T01:00:00Z")),
                List.of(withdrawal("2026-03-10T09:00:00Z")));
        assertThat(PageVersionFigures.periodOf(
                        relistedLater, relistedLater.versions().get(0), HANGZHOU, TODAY))
                .contains(new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-10")));

        ListingFact relistedThatDay = fact(
                List.of(version(1, "2026-03-01T01:00:00Z"), version(2, "2026-03-10T10:00:00Z")),
                List.of(withdrawal("2026-03-10T09:00:00Z")));
        assertThat(PageVersionFigures.periodOf(
                        relistedThatDay, relistedThatDay.versions().get(0), HANGZHOU, TODAY))
                .contains(new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-09")));

        List<VersionFigures> versions =
                PageVersionFigures.of(relistedLater, HANGZHOU, LocalDate.parse("2026-03-20"), List.of(), List.of());
        assertThat(versions.get(0).status()).isEqualTo(Status.WITHDRAWN);
        assertThat(versions.get(0).endedAt()).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(versions.get(1).status())
                .as("not on sale before today, and no day yet")
                .isEqualTo(Status.ON_SALE);
        assertThat(versions.get(1).days()).isZero();
        assertThat(versions.get(1).perDay()).isNull();
        assertThat(versions.get(1).change()).isNull();
    }

    @Test
    void eachVersionsOrdersVisitorsAndSpendPerDayAndTheChangeFromTheVersionBefore() {
        List<OrderFact> orders = List.of(
                // a mug and a cup on the 5th: only the mug is the product's
                order("2026-03-05T02:00:00Z", List.of(line("MUG-W", 1), line("CUP-GL-01", 1)), 0),
                // three mugs on the 8th, one black one paid back
                order("2026-03-08T02:00:00Z", List.of(line("MUG-B", 2), line("mug-w", 1)), 5_900),
                // 04:00 on the 11th in Hangzhou, before version 2 was published at 09:00: the day is version 2's
                order("2026-03-10T20:00:00Z", List.of(line("MUG-W", 1)), 0),
                order("2026-03-12T02:00:00Z", List.of(line("MUG-W", 2)), 0),
                order("2026-03-14T02:00:00Z", List.of(line("MUG-B", 1)), 0),
                // not the product's
                order("2026-03-13T02:00:00Z", List.of(line("CUP-GL-01", 3)), 0));
        List<ItemDay> items = List.of(
                ItemDay.visits("2026-03-02", ITEM, TITLE, 600, 1_500),
                ItemDay.visits("2026-03-09", ITEM, null, 400, 1_000),
                ItemDay.visits("2026-03-12", ITEM, TITLE, 300, 600),
                // no id, but its title (spacing aside): met by title, as the figures by item meet it
                ItemDay.visits("2026-03-13", null, " 手绘陶瓷马克杯 ", 100, 100),
                ItemDay.visits("2026-03-13", "6501111111", "玻璃杯", 500, 900),
                ItemDay.spend("2026-02-28", ITEM, TITLE, 5_000, 100, 5_000), // before version 1
                ItemDay.spend("2026-03-03", ITEM, TITLE, 10_000, 200, 20_000),
                // a report naming the item by a SKU (商家编码)
                ItemDay.spend("2026-03-12", "MUG-W", null, 8_000, 240, 10_000),
                ItemDay.spend("2026-03-12", "6501111111", "玻璃杯", 8_000, 240, 99_000));

        List<VersionFigures> versions = PageVersionFigures.of(TWO_VERSIONS, HANGZHOU, TODAY, orders, items);

        VersionFigures first = versions.get(0);
        assertThat(first.status()).isEqualTo(Status.REPLACED);
        assertThat(first.endedAt()).isEqualTo(Instant.parse("2026-03-11T01:00:00Z"));
        assertThat(first.days()).isEqualTo(10);
        assertThat(first.figures())
                .isEqualTo(new PageVersionFigures.Figures(
                        2,
                        4,
                        23_600,
                        5_900,
                        17_700,
                        11_800L,
                        1_000,
                        2_500,
                        dec("0.0020"),
                        10_000,
                        200,
                        dec("0.0200"),
                        20_000,
                        dec("1.18"),
                        dec("0.89"))); // 17 700 / 20 000 = 0.885, half up
        assertThat(first.perDay())
                .isEqualTo(new PageVersionFigures.PerDay(
                        dec("0.20"), dec("0.40"), dec("2360"), dec("100.00"), dec("2000")));
        assertThat(first.comparedWith()).isNull();
        assertThat(first.change()).isNull();

        VersionFigures second = versions.get(1);
        assertThat(second.status()).isEqualTo(Status.ON_SALE);
        assertThat(second.changed()).containsExactly("DETAIL_PAGE");
        assertThat(second.from()).isEqualTo(LocalDate.parse("2026-03-11"));
        assertThat(second.to()).isEqualTo(TODAY);
        assertThat(second.days()).isEqualTo(5);
        assertThat(second.figures().orders()).isEqualTo(3);
        assertThat(second.figures().units()).isEqualTo(4);
        assertThat(second.figures().gmvMinor()).isEqualTo(23_600);
        assertThat(second.figures().visitors()).isEqualTo(400);
        assertThat(second.figures().conversion()).isEqualTo(dec("0.0075"));
        assertThat(second.figures().spendMinor()).isEqualTo(10_000);
        assertThat(second.figures().roi()).isEqualTo(dec("2.36"));
        assertThat(second.perDay().orders()).isEqualTo(dec("0.60"));
        assertThat(second.perDay().visitors()).isEqualTo(dec("80.00"));
        assertThat(second.comparedWith()).isEqualTo(1);
        assertThat(second.change())
                .isEqualTo(new PageVersionFigures.Change(
                        dec("2.0000"), // 0.6 a day from 0.2
                        dec("1.0000"),
                        dec("1.0000"),
                        dec("-0.2000"), // 80 visitors a day from 100
                        dec("2.7500"), // 0.0075 from 0.0020
                        dec("0.0000"),
                        dec("1.0000"))); // 2.36 from 1.18
    }

    @Test
    void aVersionWithoutADayIsSkippedForTheComparisonAndNothingDividesByZero() {
        ListingFact sameDay = fact(
                List.of(
                        version(1, "2026-03-01T01:00:00Z"),
                        version(2, "2026-03-05T01:00:00Z"),
                        version(3, "2026-03-05T06:00:00Z")),
                List.of());
        List<OrderFact> orders = List.of(order("2026-03-06T02:00:00Z", List.of(line("MUG-W", 1)), 0));

        List<VersionFigures> versions = PageVersionFigures.of(sameDay, HANGZHOU, TODAY, orders, List.of());

        assertThat(versions.get(1).days()).isZero();
        assertThat(versions.get(1).comparedWith()).as("version 1 had days").isEqualTo(1);
        assertThat(versions.get(1).change()).isNull();
        assertThat(versions.get(2).comparedWith())
                .as("version 2 had none: 1 is the one before")
                .isEqualTo(1);
        assertThat(versions.get(2).change().ordersPerDay()).as("from no orders").isNull();
        assertThat(versions.get(2).figures().conversion()).as("no visitors").isNull();
        assertThat(versions.get(2).figures().roi()).as("no spend").isNull();
        assertThat(versions.get(2).figures().aovMinor()).isEqualTo(5_900);
        assertThat(PageVersionFigures.change(0, 4, 5, 5)).isNull();
        assertThat(PageVersionFigures.change(1, 3, 2, 3)).isEqualTo(dec("1.0000"));
        assertThat(PageVersionFigures.change(3, 3, 1, 3)).isEqualTo(dec("-0.6667"));
    }

    private static java.math.BigDecimal dec(String value) {
        return new java.math.BigDecimal(value);
    }

    private static ListingFact fact(List<ListingFact.Version> versions, List<ListingFact.Withdrawal> withdrawals) {
        return new ListingFact("MUG", "tmall-flagship", versions, withdrawals);
    }

    private static ListingFact.Version version(int number, String publishedAt, String... changes) {
        return new ListingFact.Version(
                number,
                number,
                TITLE,
                ITEM,
                List.of(
                        new ListingFact.Sku("MUG-W", "白色", 5_900L, "CNY"),
                        new ListingFact.Sku("MUG-B", "黑色", 5_900L, "CNY")),
                List.of(changes),
                "ui.chen",
                Instant.parse(publishedAt));
    }

    private static ListingFact.Withdrawal withdrawal(String at) {
        return new ListingFact.Withdrawal(Instant.parse(at), ITEM, "换季", "li.supervisor");
    }

    private static OrderFact.Line line(String sku, int quantity) {
        return new OrderFact.Line(sku, sku.startsWith("CUP") ? "玻璃杯" : TITLE, quantity, 5_900);
    }

    private static OrderFact order(String paidAt, List<OrderFact.Line> lines, long mugBRefundedMinor) {
        Instant at = Instant.parse(paidAt);
        List<OrderFact.Refund> refunds = mugBRefundedMinor == 0
                ? List.of()
                : List.of(new OrderFact.Refund(
                        "rf-" + paidAt,
                        mugBRefundedMinor,
                        at.plusSeconds(86_400),
                        LocalDate.ofInstant(at.plusSeconds(86_400), HANGZHOU).toString(),
                        List.of(new OrderFact.SkuAmount("MUG-B", mugBRefundedMinor))));
        return new OrderFact(
                "tmall-flagship:" + paidAt,
                "tmall-flagship",
                "CNY",
                lines.stream()
                        .mapToLong(line -> line.unitPriceMinor() * line.quantity())
                        .sum(),
                at,
                LocalDate.ofInstant(at, HANGZHOU).toString(),
                at.atZone(HANGZHOU).getHour(),
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

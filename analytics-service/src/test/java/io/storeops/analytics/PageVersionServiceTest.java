package io.storeops.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Attribution;
import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.LineAmount;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.ListingWithdrawn;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A mug's two page versions in tmall-flagship (May 2021, which no other test uses) from real Kafka
 * records of listing-service, with its orders, a refund, a per-item traffic export and a 直通车 item
 * report naming the mug by its storefront item id: each version's figures, the change, and the item
 * report meeting the mug's SKUs.
 */
@ServiceTest
class PageVersionServiceTest {

    private static final String STORE = "tmall-flagship";
    private static final String PRODUCT = "PV-MUG";
    private static final String ITEM = "6590000001";
    private static final String TITLE = "手绘陶瓷马克杯";
    private static final String PROMOTION = TestTokens.bearer("tg.zhou", StaffRole.PROMOTION, STORE);
    private static final String DESIGNER = TestTokens.bearer("ui.chen", StaffRole.DESIGNER, STORE, "shopify-us");
    private static final Attribution ZTC = new Attribution("taobao", "ztc", "马克杯-五一", "马克杯");
    private static final String PAGE_VERSIONS = "/api/analytics/listings/" + PRODUCT + "/page-versions?storeId=";

    /** Version 1 from 1 May 2021 (09:00 in Hangzhou). */
    private static final ListingPublished FIRST = new ListingPublished(
            PRODUCT, STORE, PRODUCT, TITLE, 1, 1, ITEM, skus("CNY"), "img-1", "ui.chen", at("2021-05-01T01:00:00Z"));

    /** Version 2, a new detail page, from 11 May. */
    private static final ListingChanged SECOND = new ListingChanged(
            PRODUCT,
            STORE,
            PRODUCT,
            TITLE,
            2,
            2,
            ITEM,
            skus("CNY"),
            "img-2",
            List.of("DETAIL_PAGE"),
            "ui.chen",
            at("2021-05-11T01:00:00Z"));

    /** Taken off sale at 17:00 on 15 May in Hangzhou. */
    private static final ListingWithdrawn OFF =
            new ListingWithdrawn(PRODUCT, STORE, ITEM, "换季", "li.supervisor", at("2021-05-15T09:00:00Z"));

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void eachPageVersionShowsWhatItBroughtAndTheItemReportMeetsItsSkusByTheStorefrontItemId() {
        events().send(FIRST, "listing-service", 1);
        events().send(SECOND, "listing-service", 2);
        events().send(OFF, "listing-service", 3);

        // version 1: a white mug on the 5th, two black and a white on the 8th (one black paid back)
        events().send(paid("PV1", "2021-05-05T02:00:00Z", line("PV-MUG-W", 1)), "order-service", 1);
        OrderPaid three = paid("PV2", "2021-05-08T02:00:00Z", line("PV-MUG-B", 2), line("PV-MUG-W", 1));
        events().send(three, "order-service", 1);
        events().send(
                        new RefundCompleted(
                                three.orderId(),
                                STORE,
                                "rf-PV2",
                                new Money(5_900, "CNY"),
                                at("2021-05-09T02:00:00Z"),
                                List.of(new LineAmount("PV-MUG-B", 1, new Money(5_900, "CNY")))),
                        "refund-service",
                        1);
        // version 2: at 04:00 on the 11th in Hangzhou (the day is the new version's), on the 12th, on the 14th
        events().send(paid("PV3", "2021-05-10T20:00:00Z", line("PV-MUG-W", 1)), "order-service", 1);
        events().send(paid("PV4", "2021-05-12T02:00:00Z", line("PV-MUG-W", 2)), "order-service", 1);
        events().send(paid("PV5", "2021-05-14T02:00:00Z", line("PV-MUG-B", 1)), "order-service", 1);

        new AnalyticsFixtures(http, kafka)
                .upload(
                        "/api/analytics/traffic/imports?storeId=" + STORE,
                        PROMOTION,
                        "商品效果-2021-05.csv",
                        ("统计日期,商品ID,商品名称,商品访客数,商品浏览量\n"
                                        + "2021-05-02," + ITEM + "," + TITLE + ",600,1500\n"
                                        + "2021-05-09," + ITEM + "," + TITLE + ",400,1000\n"
                                        + "2021-05-12," + ITEM + "," + TITLE + ",300,600\n"
                                        + "2021-05-13," + ITEM + "," + TITLE + ",100,100\n"
                                        + "2021-05-13,6590000002,玻璃杯,500,900\n")
                                .getBytes(StandardCharsets.UTF_8))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.grain")
                .isEqualTo("ITEM");
        // the 直通车 item report names the mug by its 宝贝ID and its own ad title, never by SKU or the listing's title
        importPpc("2021-05-03,马克杯-五一," + ITEM + ",马克杯 手绘 陶瓷 情侣款,\"10,000\",200,200.00,3,354.00\n" + "2021-05-12,马克杯-五一,"
                + ITEM + ",马克杯 手绘 陶瓷 情侣款,\"8,000\",240,100.00,2,236.00\n");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> pageVersions(PROMOTION, STORE)
                        .jsonPath("$.title")
                        .isEqualTo(TITLE)
                        .jsonPath("$.storefrontProductId")
                        .isEqualTo(ITEM)
                        .jsonPath("$.status")
                        .isEqualTo("WITHDRAWN")
                        .jsonPath("$.versions.length()")
                        .isEqualTo(2)
                        .jsonPath("$.versions[0].status")
                        .isEqualTo("REPLACED")
                        .jsonPath("$.versions[0].from")
                        .isEqualTo("2021-05-01")
                        .jsonPath("$.versions[0].to")
                        .isEqualTo("2021-05-10")
                        .jsonPath("$.versions[0].days")
                        .isEqualTo(10)
                        .jsonPath("$.versions[0].skus")
                        .isEqualTo(List.of("PV-MUG-W", "PV-MUG-B"))
                        .jsonPath("$.versions[0].figures.orders")
                        .isEqualTo(2)
                        .jsonPath("$.versions[0].figures.units")
                        .isEqualTo(4)
                        .jsonPath("$.versions[0].figures.gmvMinor")
                        .isEqualTo(23_600)
                        .jsonPath("$.versions[0].figures.refundedMinor")
                        .isEqualTo(5_900)
                        .jsonPath("$.versions[0].figures.visitors")
                        .isEqualTo(1_000)
                        .jsonPath("$.versions[0].figures.conversion")
                        .isEqualTo(0.002) // 2 / 1000
                        .jsonPath("$.versions[0].figures.spendMinor")
                        .isEqualTo(20_000)
                        .jsonPath("$.versions[0].figures.roi")
                        .isEqualTo(1.18) // 23 600 / 20 000
                        .jsonPath("$.versions[0].figures.roiNetOfRefunds")
                        .isEqualTo(0.89)
                        .jsonPath("$.versions[0].perDay.gmvMinor")
                        .isEqualTo(2_360)
                        .jsonPath("$.versions[0].change")
                        .doesNotExist()
                        .jsonPath("$.versions[1].changed")
                        .isEqualTo(List.of("DETAIL_PAGE"))
                        .jsonPath("$.versions[1].status")
                        .isEqualTo("WITHDRAWN")
                        .jsonPath("$.versions[1].endedAt")
                        .isEqualTo("2021-05-15T09:00:00Z")
                        .jsonPath("$.versions[1].days")
                        .isEqualTo(5)
                        .jsonPath("$.versions[1].figures.orders")
                        .isEqualTo(3)
                        .jsonPath("$.versions[1].figures.gmvMinor")
                        .isEqualTo(23_600)
                        .jsonPath("$.versions[1].figures.visitors")
                        .isEqualTo(400)
                        .jsonPath("$.versions[1].figures.conversion")
                        .isEqualTo(0.0075) // 3 / 400
                        .jsonPath("$.versions[1].figures.spendMinor")
                        .isEqualTo(10_000)
                        .jsonPath("$.versions[1].figures.roi")
                        .isEqualTo(2.36)
                        .jsonPath("$.versions[1].perDay.orders")
                        .isEqualTo(0.6)
                        .jsonPath("$.versions[1].comparedWith")
                        .isEqualTo(1)
                        .jsonPath("$.versions[1].change.ordersPerDay")
                        .isEqualTo(2.0) // 0.6 a day from 0.2
                        .jsonPath("$.versions[1].change.gmvPerDay")
                        .isEqualTo(1.0)
                        .jsonPath("$.versions[1].change.visitorsPerDay")
                        .isEqualTo(-0.2)
                        .jsonPath("$.versions[1].change.conversion")
                        .isEqualTo(2.75)
                        .jsonPath("$.versions[1].change.roi")
                        .isEqualTo(1.0));

        // the designer reads what their pages brought, as a workbook too
        pageVersions(DESIGNER, STORE).jsonPath("$.versions[1].figures.orders").isEqualTo(3);
        byte[] workbook = http.get()
                .uri("/api/analytics/listings/" + PRODUCT + "/page-versions/sheet?storeId=" + STORE + "&format=csv")
                .header(HttpHeaders.AUTHORIZATION, DESIGNER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(new String(workbook, StandardCharsets.UTF_8))
                .contains("页面版本 Page version", "DETAIL_PAGE", "236.00", "0.0075");

        // the item report's 宝贝ID meets both colours' promoted orders: one row, nothing left over by SKU
        http.get()
                .uri("/api/analytics/promotion/figures?storeId=" + STORE + "&from=2021-05-01&to=2021-05-15&by=item")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rowsInAll")
                .isEqualTo(1)
                .jsonPath("$.rows[0].key")
                .isEqualTo(ITEM)
                .jsonPath("$.rows[0].detail")
                .isEqualTo("马克杯 手绘 陶瓷 情侣款")
                .jsonPath("$.rows[0].spendMinor")
                .isEqualTo(30_000)
                .jsonPath("$.rows[0].reportedOrders")
                .isEqualTo(5)
                .jsonPath("$.rows[0].orders")
                .isEqualTo(5)
                .jsonPath("$.rows[0].gmvMinor")
                .isEqualTo(47_200)
                .jsonPath("$.rows[0].refundedMinor")
                .isEqualTo(5_900)
                .jsonPath("$.rows[0].roi")
                .isEqualTo(1.57); // 47 200 / 30 000
        // and the traffic export's item id meets them too
        http.get()
                .uri("/api/analytics/traffic?storeId=" + STORE + "&from=2021-05-01&to=2021-05-15&by=item")
                .header(HttpHeaders.AUTHORIZATION, DESIGNER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rows[0].itemId")
                .isEqualTo(ITEM)
                .jsonPath("$.rows[0].visitors")
                .isEqualTo(1_400)
                .jsonPath("$.rows[0].paidOrders")
                .isEqualTo(5);
    }

    @Test
    void aRedeliveredOrRepublishedListingEventChangesNothing() {
        String product = "PV-VASE";
        ListingPublished first = new ListingPublished(
                product,
                STORE,
                product,
                "青瓷花瓶",
                1,
                1,
                "6590000010",
                List.of(new ListedSku("PV-VASE-1", "青色", new Money(19_900, "CNY"), List.of("礼盒"))),
                null,
                "ui.chen",
                at("2021-06-01T01:00:00Z"));
        ListingChanged second = new ListingChanged(
                product,
                STORE,
                product,
                "青瓷花瓶 新款",
                2,
                1,
                "6590000010",
                first.skus(),
                null,
                List.of("TITLE"),
                "ui.chen",
                at("2021-06-05T01:00:00Z"));
        events().send(second, "listing-service", 2);
        replayed(first, 1); // version 1 held back and published again after version 2
        String uri = "/api/analytics/listings/" + product + "/page-versions?storeId=" + STORE;
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> get(uri, PROMOTION)
                        .jsonPath("$.versions[*].pageVersion")
                        .isEqualTo(List.of(1, 2))
                        .jsonPath("$.versions[0].to")
                        .isEqualTo("2021-06-04"));
        String before = json(uri, PROMOTION);

        events().send(first, "listing-service", 1); // redelivered: the position is known
        replayed(first, 1); // replayed again: known as replayed
        events().send(second, "listing-service", 4); // published again under a new position: the version is known
        events().send(
                        new ListingChanged(
                                product,
                                STORE,
                                product,
                                "改过的标题",
                                1,
                                9,
                                "6590000099",
                                List.of(),
                                null,
                                List.of("TITLE"),
                                "ui.chen",
                                at("2021-06-20T01:00:00Z")),
                        "listing-service",
                        5); // a version 1 again, whatever it says: version 1 is known
        // after those on the same partition (same key): the vase in another store
        events().send(
                        new ListingPublished(
                                product,
                                "shopify-us",
                                product,
                                "Celadon vase",
                                1,
                                1,
                                "8890000010",
                                List.of(new ListedSku("PV-VASE-1", "celadon", new Money(4_900, "USD"), List.of())),
                                null,
                                "ui.chen",
                                at("2021-06-01T01:00:00Z")),
                        "listing-service",
                        6);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> get("/api/analytics/listings/" + product + "/page-versions?storeId=shopify-us", DESIGNER)
                                .jsonPath("$.currency")
                                .isEqualTo("USD"));

        assertThat(json(uri, PROMOTION)).isEqualTo(before);
    }

    @Test
    void aProductNeverPublishedInTheStoreIsNotFoundAndABadFormatIsABadRequest() {
        http.get()
                .uri(PAGE_VERSIONS.replace(PRODUCT, "NO-SUCH-PRODUCT") + STORE)
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:not-found");
        http.get()
                .uri("/api/analytics/listings/" + PRODUCT + "/page-versions/sheet?storeId=" + STORE + "&format=pdf")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:invalid-parameter");
    }

    /** {@code event} published again after it was held back (a parked outbox entry retried): {@code ce_replay}. */
    private void replayed(StoreOpsEvent event, long sequence) {
        ProducerRecord<String, byte[]> record = TestEvents.record(event, "listing-service", sequence);
        record.headers().add(new RecordHeader(CloudEventHeaders.REPLAY, "true".getBytes(StandardCharsets.UTF_8)));
        kafka.send(record).join();
    }

    private void importPpc(String rows) {
        String importId = new AnalyticsFixtures(http, kafka)
                .upload(
                        "/api/analytics/promotion/imports?storeId=" + STORE,
                        PROMOTION,
                        "直通车-宝贝-2021-05.csv",
                        ("日期,推广计划名称,宝贝ID,宝贝名称,展现量,点击量,花费(元),总成交笔数,总成交金额(元)\n" + rows).getBytes(StandardCharsets.UTF_8))
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("importId")
                .toString();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get("/api/analytics/promotion/imports/" + importId, PROMOTION)
                        .jsonPath("$.status")
                        .isEqualTo("COMPLETED")
                        .jsonPath("$.grain")
                        .isEqualTo("ITEM"));
    }

    private WebTestClient.BodyContentSpec pageVersions(String bearer, String storeId) {
        return get(PAGE_VERSIONS + storeId, bearer);
    }

    private WebTestClient.BodyContentSpec get(String uri, String bearer) {
        return http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private String json(String uri, String bearer) {
        return new String(get(uri, bearer).returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    private AnalyticsFixtures events() {
        return new AnalyticsFixtures(http, kafka);
    }

    private static OrderPaid paid(String number, String paidAt, OrderLine... lines) {
        return AnalyticsFixtures.paid(
                STORE + ":" + number, "tmall", List.of(lines), at(paidAt), AnalyticsFixtures.HANGZHOU, ZTC);
    }

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, TITLE + (sku.endsWith("W") ? " 白色" : " 黑色"), quantity, new Money(5_900, "CNY"));
    }

    private static List<ListedSku> skus(String currency) {
        return List.of(
                new ListedSku("PV-MUG-W", "白色", new Money(5_900, currency), List.of("礼盒", "杯垫")),
                new ListedSku("PV-MUG-B", "黑色", new Money(5_900, currency), List.of("礼盒", "杯垫")));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}

package io.storeops.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.analytics.operations.BatchFact;
import io.storeops.analytics.operations.DispatchBatchFacts;
import io.storeops.analytics.rebuild.FactCollections;
import io.storeops.analytics.sales.OrderFact;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.LineAmount;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.fulfillment.DispatchBatchCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDelivered;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.ListingWithdrawn;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * A month of the Tmall flagship store from real Kafka records, rebuilt from the topics into a new
 * generation of the facts: every figure (page versions included) is the same afterwards, and the
 * consumer goes on.
 */
@ServiceTest
class RebuildServiceTest {

    private static final String STORE = "tmall-flagship";
    private static final String MANAGER = TestTokens.bearer("mgr.li", StaffRole.MANAGER, STORE);
    private static final String OPERATOR = TestTokens.bearer("ops.zhao", StaffRole.OPERATOR, STORE);
    private static final String KEYWORD = "羽绒服";

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    SalesFacts sales;

    @Autowired
    DispatchBatchFacts batches;

    @Autowired
    AggregateStore store;

    @Autowired
    FactCollections collections;

    @Test
    void aRebuildFromTheTopicsGivesTheSameFiguresAndTheConsumerGoesOn() {
        sendMonth();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            monthly()
                    .jsonPath("$.figures.paidOrders")
                    .isEqualTo(3)
                    .jsonPath("$.figures.gmvMinor")
                    .isEqualTo(54_500)
                    .jsonPath("$.figures.cancelled")
                    .isEqualTo(1)
                    .jsonPath("$.figures.parcelsDispatched")
                    .isEqualTo(2)
                    .jsonPath("$.figures.dispatchedLate")
                    .isEqualTo(1)
                    .jsonPath("$.figures.troublesReported")
                    .isEqualTo(1)
                    .jsonPath("$.figures.refunds")
                    .isEqualTo(1)
                    .jsonPath("$.figures.refundedMinor")
                    .isEqualTo(5_000);
            assertThat(fact("R1").deliveredAt()).isNotNull();
            http.get()
                    .uri(pageVersionsUri())
                    .header(HttpHeaders.AUTHORIZATION, MANAGER)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("WITHDRAWN")
                    .jsonPath("$.versions[0].figures.orders")
                    .isEqualTo(3)
                    .jsonPath("$.versions[1].figures.orders")
                    .isEqualTo(0);
        });
        String salesBefore = json(salesUri());
        String monthlyBefore = json(monthlyUri());
        String promotionBefore = json(promotionUri());
        String pageVersionsBefore = json(pageVersionsUri());
        OrderFact r1Before = fact("R1");
        OrderFact r3Before = fact("R3");
        Map<String, BatchFact> batchBefore = batches.find(List.of("tm-b-0206")).block();
        int generationBefore = collections.current();
        long factsBefore = factsOfTheStore(generationBefore);
        assertThat(factsBefore).isEqualTo(3);

        http.post()
                .uri("/api/analytics/operations/rebuild")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/analytics/operations/rebuild")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("RUNNING");
        http.post()
                .uri("/api/analytics/operations/rebuild")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        http.get()
                .uri("/api/analytics/operations/rebuild")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isForbidden();

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> status().jsonPath("$.state").isEqualTo("COMPLETED"));
        int generation = collections.current();
        assertThat(generation).isGreaterThan(generationBefore);
        status().jsonPath("$.generation")
                .isEqualTo(generation)
                .jsonPath("$.building")
                .isEqualTo(generation)
                .jsonPath("$.collections[?(@ == 'order_facts_g" + generation + "')]")
                .exists()
                .jsonPath("$.collections[?(@ == 'listing_facts_g" + generation + "')]")
                .exists()
                .jsonPath("$.skipped")
                .value(skipped -> assertThat(((Number) skipped).longValue()).isPositive()) // the poison event
                .jsonPath("$.ignored")
                .value(ignored -> assertThat(((Number) ignored).longValue()).isPositive()) // the unknown type
                .jsonPath("$.partitions[?(@.position != @.end)]")
                .doesNotExist();

        // the same figures, from the new generation's collections
        assertThat(json(salesUri())).isEqualTo(salesBefore);
        assertThat(json(monthlyUri())).isEqualTo(monthlyBefore);
        assertThat(json(promotionUri())).isEqualTo(promotionBefore);
        assertThat(json(pageVersionsUri())).isEqualTo(pageVersionsBefore);
        assertThat(factsOfTheStore(generation)).isEqualTo(factsBefore);
        assertThat(fact("R1")).isEqualTo(r1Before);
        assertThat(fact("R3")).isEqualTo(r3Before);
        assertThat(batches.find(List.of("tm-b-0206")).block()).isEqualTo(batchBefore);

        // the live consumer runs again: a new order (and its redelivery) counts once
        OrderPaid late = paid("R4", 7_000, "2023-02-20T03:00:00Z", null);
        events().send(late, "order-service", 1);
        events().send(late, "order-service", 1);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> monthly().jsonPath("$.figures.paidOrders").isEqualTo(4));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> monthly()
                        .jsonPath("$.figures.paidOrders")
                        .isEqualTo(4)
                        .jsonPath("$.figures.gmvMinor")
                        .isEqualTo(61_500));
        assertThat(factsOfTheStore(generation)).isEqualTo(4);
        assertThat(factsOfTheStore(generationBefore)).isEqualTo(3); // the old generation is left as it was
    }

    private void sendMonth() {
        events().send(
                        new DispatchBatchCreated(
                                "tm-b-0206",
                                STORE,
                                LocalDate.parse("2023-02-06"),
                                Instant.parse("2023-02-06T06:00:00Z"),
                                List.of(),
                                2),
                        "fulfillment-service",
                        1);
        // the jacket's page: version 1 from 1 February, version 2 from the 6th, taken off sale on the 8th (a
        // duplicate between)
        ListingPublished listed = new ListingPublished(
                "RB-JKT",
                STORE,
                "RB-JKT",
                "羽绒服",
                1,
                1,
                "6580000001",
                List.of(new ListedSku("JKT-1", "黑色 L", new Money(29_500, "CNY"), List.of())),
                null,
                "ui.chen",
                Instant.parse("2023-02-01T01:00:00Z"));
        events().send(listed, "listing-service", 1);
        events().send(
                        new ListingChanged(
                                "RB-JKT",
                                STORE,
                                "RB-JKT",
                                "羽绒服 轻薄款",
                                2,
                                2,
                                "6580000001",
                                listed.skus(),
                                null,
                                List.of("DETAIL_PAGE", "TITLE"),
                                "ui.chen",
                                Instant.parse("2023-02-06T01:00:00Z")),
                        "listing-service",
                        2);
        events().send(listed, "listing-service", 1);
        events().send(
                        new ListingWithdrawn(
                                "RB-JKT",
                                STORE,
                                "6580000001",
                                "换季",
                                "li.supervisor",
                                Instant.parse("2023-02-08T01:00:00Z")),
                        "listing-service",
                        3);
        OrderPaid r1 = paid("R1", 29_500, "2023-02-03T02:00:00Z", KEYWORD);
        events().send(r1, "order-service", 1);
        events().send(r1, "order-service", 1); // delivered twice
        events().send(paid("R2", 10_000, "2023-02-04T05:00:00Z", null), "order-service", 1);
        events().send(paid("R3", 15_000, "2023-02-05T09:00:00Z", KEYWORD), "order-service", 1);
        events().send(
                        new OrderCancelled(
                                id("R2"), STORE, "buyer", "changed mind", Instant.parse("2023-02-05T01:00:00Z")),
                        "order-service",
                        2);
        events().send(dispatched("R1", "2023-02-06T08:00:00Z"), "fulfillment-service", 1);
        // the batch of the 6th, but it left on the 8th (Shanghai)
        events().send(dispatched("R3", "2023-02-08T08:00:00Z"), "fulfillment-service", 1);
        events().send(
                        new ShipmentException(
                                id("R3"),
                                STORE,
                                "shp-R3",
                                "DELAYED",
                                "held at the hub",
                                Instant.parse("2023-02-09T04:00:00Z")),
                        "fulfillment-service",
                        2);
        ShipmentDelivered delivered =
                new ShipmentDelivered(id("R1"), STORE, "shp-R1", Instant.parse("2023-02-09T07:00:00Z"));
        events().send(delivered, "fulfillment-service", 2);
        events().send(delivered, "fulfillment-service", 2); // the carrier's duplicate
        events().send(
                        new RefundCompleted(
                                id("R1"),
                                STORE,
                                "rf-R1",
                                new Money(5_000, "CNY"),
                                Instant.parse("2023-02-10T03:00:00Z"),
                                List.of(new LineAmount("JKT-1", 1, new Money(5_000, "CNY")))),
                        "refund-service",
                        1);
        // a record no version of the service could apply, and a type it does not know: neither stops anything
        ProducerRecord<String, byte[]> poison =
                TestEvents.record(paid("R9", 1_000, "2023-02-11T03:00:00Z", null), "order-service", 1);
        kafka.send(new ProducerRecord<>(
                        poison.topic(),
                        null,
                        poison.key(),
                        "{not json".getBytes(StandardCharsets.UTF_8),
                        poison.headers()))
                .join();
        ProducerRecord<String, byte[]> unknown =
                TestEvents.record(paid("R8", 1_000, "2023-02-11T03:00:00Z", null), "order-service", 1);
        unknown.headers().remove(CloudEventHeaders.TYPE);
        unknown.headers()
                .add(new RecordHeader(
                        CloudEventHeaders.TYPE, "io.storeops.order.OrderGiftWrapped".getBytes(StandardCharsets.UTF_8)));
        kafka.send(unknown).join();
        http.post()
                .uri("/api/analytics/promotion/rows")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .bodyValue(Map.of(
                        "storeId",
                        STORE,
                        "source",
                        "TAOBAO_ZTC",
                        "rows",
                        List.of(Map.of(
                                "day",
                                "2023-02-03",
                                "keyword",
                                KEYWORD,
                                "impressions",
                                2000,
                                "clicks",
                                80,
                                "spendMinor",
                                6000))))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The store's facts of orders paid in February 2023 (other tests use the store, not that month). */
    private long factsOfTheStore(int generation) {
        return store.count(
                        FactCollections.named("order_facts", generation),
                        StateQuery.of(OrderFact.class)
                                .is("storeId", STORE)
                                .atLeast("paidDay", "2023-02-01")
                                .atMost("paidDay", "2023-02-28"))
                .block();
    }

    private OrderFact fact(String number) {
        return sales.find(id(number)).block();
    }

    private String json(String uri) {
        return new String(
                http.get()
                        .uri(uri)
                        .header(HttpHeaders.AUTHORIZATION, MANAGER)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
    }

    private WebTestClient.BodyContentSpec monthly() {
        return http.get()
                .uri(monthlyUri())
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private WebTestClient.BodyContentSpec status() {
        return http.get()
                .uri("/api/analytics/operations/rebuild")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private static String salesUri() {
        return "/api/analytics/sales?storeId=" + STORE + "&from=2023-02-01&to=2023-02-28";
    }

    private static String monthlyUri() {
        return "/api/analytics/reports/monthly?storeId=" + STORE + "&period=2023-02";
    }

    private static String promotionUri() {
        return "/api/analytics/promotion/figures?storeId=" + STORE + "&from=2023-02-01&to=2023-02-28&by=keyword";
    }

    private static String pageVersionsUri() {
        return "/api/analytics/listings/RB-JKT/page-versions?storeId=" + STORE;
    }

    private static String id(String number) {
        return STORE + ":" + number;
    }

    private AnalyticsFixtures events() {
        return new AnalyticsFixtures(http, kafka);
    }

    private static ShipmentDispatched dispatched(String number, String at) {
        return AnalyticsFixtures.dispatched(STORE + ":" + number, "SF", "SF" + number, "tm-b-0206", Instant.parse(at));
    }

    private static OrderPaid paid(String number, long totalMinor, String paidAt, String keyword) {
        return AnalyticsFixtures.paid(
                STORE + ":" + number,
                "tmall",
                List.of(new OrderLine("JKT-1", "羽绒服 黑色 L", 1, new Money(totalMinor, "CNY"))),
                Instant.parse(paidAt),
                new Address("李雷", "13800000000", "CN", "浙江省", "杭州市", "西湖区", "文三路 1 号", null, "310000"),
                keyword == null ? Attribution.NONE : new Attribution("taobao", "ztc", "spring-sale", keyword));
    }
}

package io.storeops.refund;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.EventJson;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import io.storeops.refund.cases.AfterSaleProperties;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.MarketplaceTimers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * The marketplace timers of a store that has them (the test store {@code tmall-outlet}: two days to
 * answer, seven to ship a return, ten to confirm it), over real Kafka records: a deadline is stored
 * with its case, so a fresh process fires it; two processes at once fire it once; the due-soon
 * queue shows it coming. The time is given to the timers, as a controllable clock would.
 */
@ServiceTest
class MarketplaceTimerServiceTest {

    private static final String STORE = "tmall-outlet";
    private static final String CS = TestTokens.bearer("cs.mei", StaffRole.CS_AFTERSALE, STORE);
    private static final String SUPERVISOR = TestTokens.bearer("sup.chen", StaffRole.SUPERVISOR, STORE);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    AfterSales files;

    @Autowired
    AfterSaleProperties policies;

    @Autowired
    MeterRegistry meters;

    @Autowired
    StoreCatalog stores;

    private DeskSteps steps;

    @BeforeEach
    void steps() {
        steps = new DeskSteps(http, kafka);
    }

    @Test
    void anUnansweredRequestIsApprovedOnceByTwoFreshProcessesAndShownAsDueSoonBefore() {
        String orderId = paidOrder();
        JsonNode opened = steps.post("/api/refunds", CS, kettleBack(orderId, "QUALITY"), 201)
                .get("refundCase");
        String caseId = opened.get("caseId").asString();
        Instant answerBy = Instant.parse(opened.get("deadline").get("dueAt").asString());
        assertThat(opened.get("deadline").get("kind").asString()).isEqualTo("ANSWER");
        assertThat(Duration.between(Instant.now(), answerBy)).isBetween(Duration.ofHours(47), Duration.ofHours(48));
        assertThat(dueSoon("P3D")).as("due within three days").contains(caseId);
        assertThat(dueSoon("PT1H")).as("not within the hour").doesNotContain(caseId);
        double firedBefore = fired();

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            Instant later = answerBy.plusSeconds(1);
            // two processes started after the request (as after a restart) look at the same moment
            Mono.when(
                            freshTimers().fireDue(later).subscribeOn(Schedulers.parallel()),
                            freshTimers().fireDue(later).subscribeOn(Schedulers.parallel()))
                    .block(Duration.ofSeconds(30));

            var approvals = TestEvents.await(events, orderId, "RefundApproved", 2, Duration.ofSeconds(3));
            assertThat(approvals).as("approved once").hasSize(1);
            RefundApproved approved = EventJson.read(approvals.get(0).value(), RefundApproved.class);
            assertThat(approved.autoApproved()).isTrue();
            assertThat(approved.decidedBy()).isEqualTo("timer");
        }
        JsonNode refund =
                TestHttp.read(http, "/api/refunds/" + caseId, SUPERVISOR).get("refundCase");
        assertThat(refund.get("state").asString()).isEqualTo("AWAITING_RETURN");
        assertThat(refund.get("decision").get("automatic").asBoolean()).isTrue();
        assertThat(refund.get("timeline"))
                .filteredOn(entry -> entry.get("by").asString().equals("timer"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("what").asString()).isEqualTo("APPROVE"));
        assertThat(refund.get("deadline").get("kind").asString())
                .as("the buyer's seven days to ship run")
                .isEqualTo("SHIP_RETURN");
        assertThat(fired() - firedBefore).isEqualTo(1.0);
    }

    @Test
    void aSmallRefundOnlyRequestIsApprovedAtOnceByTheStoresPolicy() {
        String orderId = paidOrder();
        Map<String, Object> small = Map.of(
                "orderId",
                orderId,
                "type",
                "REFUND_ONLY",
                "reason",
                "NOT_AS_DESCRIBED",
                "goodsReceived",
                true,
                "lines",
                List.of(Map.of("lineIndex", 0, "amountMinor", 999)));

        JsonNode refund = steps.post("/api/refunds", CS, small, 201).get("refundCase");

        assertThat(refund.get("state").asString()).isIn("REFUNDING", "COMPLETED");
        assertThat(refund.get("decision").get("by").asString()).isEqualTo("store-policy");
        assertThat(refund.get("decision").get("automatic").asBoolean()).isTrue();
    }

    @Test
    void customerServiceGivesOneOfTheStoresReasonCodes() {
        String orderId = paidOrder();

        JsonNode refused = steps.post("/api/refunds", CS, kettleBack(orderId, "it is broken"), 422);

        assertThat(refused.get("detail").asString()).contains("QUALITY, WRONG_ITEM");
        assertThat(TestHttp.read(http, "/api/refund-ledgers/" + orderId, CS)
                        .get("refundable")
                        .get("amountMinor")
                        .asLong())
                .isEqualTo(39900);
    }

    @Test
    void theDueSoonQueueRefusesWhatItCannotAnswer() {
        assertThat(problem("/api/refund-queues/due-soon?storeId=" + STORE + "&within=P31D"))
                .contains("P30D");
        assertThat(problem("/api/refund-queues/due-soon?storeId=" + STORE + "&within=soon"))
                .contains("ISO-8601");
        assertThat(problem("/api/refund-queues/due-soon")).contains("storeId");
    }

    private String problem(String uri) {
        return http.get()
                .uri(uri)
                .header("Authorization", CS)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("detail")
                .asString();
    }

    private List<String> dueSoon(String within) {
        JsonNode queue = TestHttp.read(http, "/api/refund-queues/due-soon?storeId=" + STORE + "&within=" + within, CS);
        return queue.valueStream().map(due -> due.get("caseId").asString()).toList();
    }

    private MarketplaceTimers freshTimers() {
        return new MarketplaceTimers(files, policies, Clock.systemUTC(), Duration.ofHours(1), meters, stores);
    }

    private double fired() {
        return meters.get("storeops.refund.timers.fired")
                .tag("store", STORE)
                .counter()
                .count();
    }

    private String paidOrder() {
        return steps.paidOrder(
                STORE, List.of(new OrderLine("KETTLE-1", "电热水壶", 1, new Money(39900, "CNY"))), 0, 39900, "CNY", CS);
    }

    private static Map<String, Object> kettleBack(String orderId, String reason) {
        return Map.of(
                "orderId",
                orderId,
                "type",
                "RETURN_AND_REFUND",
                "reason",
                reason,
                "goodsReceived",
                true,
                "lines",
                List.of(Map.of("lineIndex", 0, "quantity", 1, "amountMinor", 39900)));
    }
}

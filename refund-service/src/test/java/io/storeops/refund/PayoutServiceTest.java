package io.storeops.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.EventJson;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.AfterSalePolicy;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.payout.PayoutProperties;
import io.storeops.refund.payout.web.PayoutGateways;
import io.storeops.refund.payout.web.Payouts;
import io.storeops.refund.payout.web.SimulatedGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Refunds paid through the gateway with real Kafka records: failures and late answers are retried
 * with the same idempotency key, a restart in the middle pays nothing twice, and the refund is
 * completed only once the gateway confirmed it.
 */
@ServiceTest
class PayoutServiceTest {

    private static final String STORE = "shopify-us";
    private static final String CS = TestTokens.bearer("cs.ann", StaffRole.CS_AFTERSALE, STORE);
    private static final String SUPERVISOR = TestTokens.bearer("sup.bo", StaffRole.SUPERVISOR, STORE);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    SimulatedGateway gateway;

    @Autowired
    PayoutGateways gateways;

    @Autowired
    AfterSales files;

    @Autowired
    PayoutProperties settings;

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
    void failuresAndLateAnswersAreRetriedWithTheSameKeyAndARestartInTheMiddlePaysNothingTwice() {
        String orderId = paidOrder();
        int paymentsBefore = gateway.payments();
        gateway.failNext(2);
        gateway.silenceNext(1);

        String caseId;
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            caseId = approvedRefund(orderId);
            // A second process, as after a restart, looks at the same cases with the same gateway.
            new Payouts(files, gateways, Clock.systemUTC(), settings, meters, stores)
                    .payDue()
                    .block();
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(state(caseId)).isEqualTo("COMPLETED"));
            var completed = TestEvents.await(events, orderId, "RefundCompleted", 2, Duration.ofSeconds(3));
            assertThat(completed).as("completed once").hasSize(1);
            assertThat(EventJson.read(completed.get(0).value(), RefundCompleted.class)
                            .amount())
                    .isEqualTo(new Money(1999, "USD"));
        }

        assertThat(gateway.payments()).as("one payment for the approved amount").isEqualTo(paymentsBefore + 1);
        JsonNode refund = TestHttp.read(http, "/api/refunds/" + caseId, CS).get("refundCase");
        assertThat(refund.get("payout").get("reference").asString()).startsWith("SIM-");
        assertThat(refund.get("payout").get("attempts").asInt())
                .as("two failures and a late answer")
                .isGreaterThanOrEqualTo(3);
        assertThat(refund.get("timeline"))
                .as("the first failure is on the timeline")
                .filteredOn(entry -> entry.get("what").asString().equals("PAYOUT_FAILED"))
                .hasSize(1);
        assertThat(TestHttp.read(http, "/api/refund-ledgers/" + orderId, CS)
                        .get("refunded")
                        .get("amountMinor")
                        .asLong())
                .isEqualTo(1999);
    }

    @Test
    void aPaymentIsConfirmedByHandOnlyForACaseBeingPaidBack() {
        String orderId = paidOrder();
        String caseId = steps.post("/api/refunds", CS, mugRefund(orderId), 201)
                .get("refundCase")
                .get("caseId")
                .asString();

        JsonNode refused = steps.post("/api/refunds/" + caseId + "/payment", CS, Map.of("reference", "BO-1"), 409);

        assertThat(refused.get("currentState").asString()).isEqualTo("REQUESTED");
        assertThat(refused.get("detail").asString()).contains("payout gateway");
    }

    @Test
    void theLookFindsTheFilesDueAndNotThoseWaitingAfterAFailure() {
        String orderId = paidOrder();
        String caseId = steps.post("/api/refunds", CS, mugRefund(orderId), 201)
                .get("refundCase")
                .get("caseId")
                .asString();
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        files.change(orderId, file -> {
                    AfterSale approved = file.approve(
                                    caseId, "sup.bo", false, null, Instant.now(), AfterSalePolicy.NONE)
                            .state();
                    return approved.payoutFailed(caseId, "503", inAnHour, Instant.now());
                })
                .block();

        assertThat(files.refundingDue(Instant.now(), Set.of(STORE), 1000)
                        .map(AfterSale::orderId)
                        .collectList()
                        .block())
                .doesNotContain(orderId);
        assertThat(files.refundingDue(inAnHour, Set.of(STORE), 1000)
                        .map(AfterSale::orderId)
                        .collectList()
                        .block())
                .contains(orderId);
    }

    @Test
    void aPayoutRefusedForGoodIsNotRetriedButLeftToASupervisorWhoseRetryPaysOnce() {
        String orderId = paidOrder();
        int paymentsBefore = gateway.payments();
        gateway.refuseNext(1);
        String caseId = approvedRefund(orderId);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(caseId)).isEqualTo("PAYOUT_REFUSED"));
        assertThat(TestHttp.read(http, "/api/after-sale-desk", SUPERVISOR)
                        .get("stores")
                        .get(0)
                        .get("queues")
                        .get("payoutRefused")
                        .asLong())
                .as("in the supervisor's queue")
                .isPositive();
        int callsWhenRefused = gateway.calls();
        new Payouts(files, gateways, Clock.systemUTC(), settings, meters, stores)
                .payDue()
                .block();
        assertThat(gateway.calls()).as("a refusal is not asked again").isEqualTo(callsWhenRefused);
        JsonNode refused = TestHttp.read(http, "/api/refunds/" + caseId, SUPERVISOR);
        assertThat(refused.get("refundCase").get("payout").get("lastFailure").asString())
                .contains("cannot be refunded");
        assertThat(refused.get("steps")).extracting(JsonNode::asString).contains("payout-retry", "closure");
        steps.post("/api/refunds/" + caseId + "/payout-retry", CS, Map.of(), 403);

        steps.post("/api/refunds/" + caseId + "/payout-retry", SUPERVISOR, Map.of("note", "card re-linked"), 200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(caseId)).isEqualTo("COMPLETED"));
        assertThat(gateway.payments()).as("one payment for the approved amount").isEqualTo(paymentsBefore + 1);
        steps.post("/api/refunds/" + caseId + "/payout-retry", SUPERVISOR, Map.of(), 409);
    }

    @Test
    void aRetryAfterARefusalThatFollowedALateAnswerPaysNothingTwice() {
        String orderId = paidOrder();
        int paymentsBefore = gateway.payments();
        gateway.silenceNext(1); // paid, but the answer comes too late ...
        gateway.refuseNext(1); // ... and the next attempt is refused (the app key was revoked meanwhile)
        String caseId = approvedRefund(orderId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(caseId)).isEqualTo("PAYOUT_REFUSED"));

        steps.post("/api/refunds/" + caseId + "/payout-retry", SUPERVISOR, Map.of("note", "app key renewed"), 200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(caseId)).isEqualTo("COMPLETED"));
        assertThat(gateway.payments())
                .as("the retry asked under the key of the payment the late answer made")
                .isEqualTo(paymentsBefore + 1);
    }

    @Test
    void aRefusedPayoutIsRecordedPaidInTheBackOfficeOrClosed() {
        gateway.refuseNext(2);
        String paidByHand = approvedRefund(paidOrder());
        String givenUp = approvedRefund(paidOrder());
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(state(paidByHand)).isEqualTo("PAYOUT_REFUSED");
            assertThat(state(givenUp)).isEqualTo("PAYOUT_REFUSED");
        });

        steps.post("/api/refunds/" + paidByHand + "/payment", CS, Map.of("reference", "BO-77"), 200);
        steps.post("/api/refunds/" + givenUp + "/closure", SUPERVISOR, Map.of("note", "buyer took store credit"), 200);

        assertThat(state(paidByHand)).isEqualTo("COMPLETED");
        assertThat(state(givenUp)).isEqualTo("CLOSED");
    }

    private String approvedRefund(String orderId) {
        String caseId = steps.post("/api/refunds", CS, mugRefund(orderId), 201)
                .get("refundCase")
                .get("caseId")
                .asString();
        steps.post("/api/refunds/" + caseId + "/approval", SUPERVISOR, Map.of(), 200);
        return caseId;
    }

    private String paidOrder() {
        return steps.paidOrder(
                STORE,
                List.of(new OrderLine("MUG-1", "Stoneware mug", 2, new Money(1999, "USD"))),
                450,
                4448,
                "USD",
                CS);
    }

    private static Map<String, Object> mugRefund(String orderId) {
        return Map.of(
                "orderId",
                orderId,
                "type",
                "REFUND_ONLY",
                "reason",
                "arrived chipped, keeps it",
                "goodsReceived",
                true,
                "lines",
                List.of(Map.of("lineIndex", 0, "amountMinor", 1999)));
    }

    private String state(String caseId) {
        return TestHttp.read(http, "/api/refunds/" + caseId, CS)
                .get("refundCase")
                .get("state")
                .asString();
    }
}

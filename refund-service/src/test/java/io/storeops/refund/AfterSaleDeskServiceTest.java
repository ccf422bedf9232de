package io.storeops.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.ReturnReceived;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.contracts.events.refund.ReplacementRequested;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import io.storeops.refund.cases.AfterSales;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The after-sale desk over HTTP and real Kafka records: entry, decisions by the right people, the return. */
@ServiceTest
class AfterSaleDeskServiceTest {

    private static final String STORE = "tmall-flagship";
    private static final String CS = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE);
    private static final String SUPERVISOR = TestTokens.bearer("sup.chen", StaffRole.SUPERVISOR, STORE);
    private static final String OTHER_SUPERVISOR = TestTokens.bearer("sup.zhou", StaffRole.SUPERVISOR, STORE);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    AfterSales files;

    @Value("${spring.application.name}")
    String consumerGroup;

    private DeskSteps steps;

    @BeforeEach
    void steps() {
        steps = new DeskSteps(http, kafka);
    }

    @Test
    void customerServiceEntersAReturnTheSupervisorApprovesItAndTheReceivedParcelIsPaidBack() {
        String orderId = paidOrder();
        JsonNode entered = steps.post("/api/refunds", CS, cupBack(orderId), 201);
        String caseId = entered.get("refundCase").get("caseId").asString();
        assertThat(entered.get("refundCase").get("state").asString()).isEqualTo("REQUESTED");

        steps.post("/api/refunds/" + caseId + "/approval", CS, Map.of(), 403);
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            JsonNode approved =
                    steps.post("/api/refunds/" + caseId + "/approval", SUPERVISOR, Map.of("note", "photos"), 200);
            assertThat(approved.get("refundCase").get("state").asString()).isEqualTo("AWAITING_RETURN");
            var announced = TestEvents.await(events, orderId, "RefundApproved", 1, PATIENCE);
            RefundApproved event = EventJson.read(announced.get(0).value(), RefundApproved.class);
            assertThat(event.refundId()).isEqualTo(caseId);
            assertThat(event.amount()).isEqualTo(new Money(3000, "CNY"));
            assertThat(event.lines()).containsExactly(new ItemQuantity("CUP-GL-01", 1));
            assertThat(event.decidedBy()).isEqualTo("sup.chen");
        }
        assertThat(get("/api/refund-ledgers/" + orderId, SUPERVISOR)
                        .get("refundable")
                        .get("amountMinor")
                        .asLong())
                .as("the approved case holds its amount")
                .isEqualTo(25600);

        var received = TestEvents.record(
                new ReturnReceived(
                        orderId,
                        STORE,
                        caseId,
                        List.of(new ItemQuantity("CUP-GL-01", 1)),
                        "CUP-GL-01: 1 resellable",
                        "wh.zhao",
                        Instant.now()),
                "fulfillment-service",
                1);
        kafka.send(received).join();
        kafka.send(received).join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(get("/api/refunds/" + caseId, CS)
                                .get("refundCase")
                                .get("state")
                                .asString())
                        .isEqualTo("COMPLETED"));
    }

    @Test
    void whoEnteredACaseMayNotDecideItAndTwoSupervisorsDecidingAtOnceMakeOneDecision() {
        String orderId = paidOrder();
        String manager = TestTokens.bearer("cs.li", StaffRole.MANAGER, STORE);
        String caseId = steps.post("/api/refunds", CS, cupBack(orderId), 201)
                .get("refundCase")
                .get("caseId")
                .asString();

        JsonNode refused = steps.post("/api/refunds/" + caseId + "/approval", manager, Map.of(), 403);
        assertThat(refused.get("type").asString()).isEqualTo("urn:storeops:problem:four-eyes");

        var first = CompletableFuture.supplyAsync(() -> status("/api/refunds/" + caseId + "/approval", SUPERVISOR));
        var second =
                CompletableFuture.supplyAsync(() -> status("/api/refunds/" + caseId + "/rejection", OTHER_SUPERVISOR));
        assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(200, 409);
        assertThat(get("/api/refunds/" + caseId, CS).get("refundCase").get("timeline"))
                .as("one decision on the timeline")
                .filteredOn(entry ->
                        List.of("APPROVE", "REJECT").contains(entry.get("what").asString()))
                .hasSize(1);
    }

    @Test
    void aCaseAboveWhatIsLeftOrOfAnotherStoreIsRefusedAndNothingChanges() {
        String orderId = paidOrder();
        Map<String, Object> tooMuch = Map.of(
                "orderId",
                orderId,
                "type",
                "REFUND_ONLY",
                "reason",
                "all of it",
                "lines",
                List.of(Map.of("lineIndex", 1, "amountMinor", 3001)));

        JsonNode problem = steps.post("/api/refunds", CS, tooMuch, 422);
        assertThat(problem.get("detail").asString()).isEqualTo("line 1 has CNY 30.00 left to refund: CNY 30.01 asked.");
        steps.post(
                "/api/refunds",
                TestTokens.bearer("cs.us", StaffRole.CS_AFTERSALE, "shopify-us"),
                cupBack(orderId),
                404);
        assertThat(steps.post(
                                "/api/refunds",
                                CS,
                                Map.of(
                                        "orderId",
                                        orderId,
                                        "type",
                                        "REFUND_ONLY",
                                        "reason",
                                        "no amount",
                                        "lines",
                                        List.of(Map.of("lineIndex", 1, "quantity", 1))),
                                422)
                        .get("detail")
                        .asString())
                .isEqualTo("each line needs lineIndex and amountMinor.");
        assertThat(get("/api/refund-ledgers/" + orderId, SUPERVISOR)
                        .get("refundable")
                        .get("amountMinor")
                        .asLong())
                .isEqualTo(28600);
    }

    @Test
    void anOrderCancelledBeforeDispatchIsPaidBackInFullOnceTheParcelStoppedWhateverTheRedeliveries() {
        String orderId = paidOrder();
        String shipmentId = "shp-" + orderId;
        var cancelled = TestEvents.record(
                new OrderCancelled(orderId, STORE, "buyer ordered twice", "cs.li", Instant.now()), "order-service", 2);
        var stopped = TestEvents.record(
                new ShipmentCancelled(orderId, STORE, shipmentId, "ORDER_CANCELLED", Instant.now()),
                "fulfillment-service",
                2);
        kafka.send(TestEvents.record(
                        new ShipmentCreated(orderId, STORE, shipmentId, List.of(), Instant.now()),
                        "fulfillment-service",
                        1))
                .join();

        kafka.send(cancelled).join();
        kafka.send(cancelled).join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(get("/api/refunds/rf-cancelled-" + orderId, CS)
                                .get("refundCase")
                                .get("timeline"))
                        .as("waiting for the warehouse's word")
                        .anySatisfy(entry ->
                                assertThat(entry.get("what").asString()).isEqualTo("WAITING_FOR_WAREHOUSE")));
        kafka.send(stopped).join();
        kafka.send(stopped).join();

        awaitPaidBackInFullAutomatically(orderId);
    }

    @Test
    void parcelsReportedBeforeThePaymentAreKeptSoThatTheOrderCancelledAfterItIsPaidBackAtOnce() {
        String orderNumber = DeskSteps.newOrderNumber();
        String orderId = STORE + ":" + orderNumber;
        String shipmentId = "shp-" + orderId;
        fromFulfillment(new ShipmentCreated(orderId, STORE, shipmentId, List.of(), Instant.now()), 1);
        TestEvents.awaitConsumed(
                broker.getBrokersAsString(),
                consumerGroup,
                fromFulfillment(new ShipmentCancelled(orderId, STORE, shipmentId, "ORDER_CANCELLED", Instant.now()), 2),
                PATIENCE);
        http.get()
                .uri("/api/refund-ledgers/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, SUPERVISOR)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(files.change(orderId, awaiting -> {
                            throw new AssertionError("a staff change was decided on a file awaiting its payment");
                        })
                        .blockOptional(PATIENCE))
                .as("a staff change to a file awaiting its payment finds no paid order")
                .isEmpty();

        paidOrder(orderNumber);
        cancelled(orderId);

        awaitPaidBackInFullAutomatically(orderId);
    }

    @Test
    void aCancelledOrderWhoseParcelLeftFirstWaitsForASupervisor() {
        String orderId = paidOrder();
        String shipmentId = "shp-" + orderId;
        kafka.send(TestEvents.record(
                        new ShipmentDispatched(
                                orderId, STORE, shipmentId, "SF", "SF100", null, List.of(), "wh.zhao", Instant.now()),
                        "fulfillment-service",
                        1))
                .join();
        cancelled(orderId);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(get("/api/refunds/rf-cancelled-" + orderId, CS)
                                .get("refundCase")
                                .get("timeline"))
                        .anySatisfy(entry ->
                                assertThat(entry.get("what").asString()).isEqualTo("PARCEL_LEFT")));
        assertThat(get("/api/refunds/rf-cancelled-" + orderId, CS)
                        .get("refundCase")
                        .get("state")
                        .asString())
                .isEqualTo("REQUESTED");
        assertThat(get("/api/refund-ledgers/" + orderId, SUPERVISOR)
                        .get("refunded")
                        .get("amountMinor")
                        .asLong())
                .isZero();
    }

    @Test
    void anExchangeIsReplacedOnceItsReturnIsInAndEndsWhenTheReplacementLeavesWhateverTheRedeliveries() {
        String orderId = paidOrder();
        Map<String, Object> exchange = Map.of(
                "orderId",
                orderId,
                "type",
                "EXCHANGE",
                "reason",
                "wrong size",
                "goodsReceived",
                true,
                "lines",
                List.of(Map.of("lineIndex", 1, "quantity", 1, "amountMinor", 0)));
        assertThat(steps.post("/api/refunds", CS, exchange, 422).get("detail").asString())
                .as("nothing left the warehouse yet")
                .startsWith("the goods have not left the warehouse");
        fromFulfillment(
                new ShipmentDispatched(
                        orderId, STORE, "shp-" + orderId, "SF", "SF100", null, List.of(), "wh.zhao", Instant.now()),
                1);
        AtomicReference<JsonNode> entered = new AtomicReference<>();
        await().atMost(PATIENCE).untilAsserted(() -> entered.set(steps.post("/api/refunds", CS, exchange, 201)));
        String caseId = entered.get().get("refundCase").get("caseId").asString();
        steps.post("/api/refunds/" + caseId + "/approval", SUPERVISOR, Map.of(), 200);

        var received = TestEvents.record(
                new ReturnReceived(orderId, STORE, caseId, CUP, "CUP-GL-01: 1 resellable", "wh.zhao", Instant.now()),
                "fulfillment-service",
                2);
        kafka.send(received).join();
        kafka.send(received).join();
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            var asked = TestEvents.await(events, orderId, "ReplacementRequested", 1, PATIENCE);
            assertThat(EventJson.read(asked.get(0).value(), ReplacementRequested.class)
                            .lines())
                    .isEqualTo(CUP);
        }
        assertThat(state(caseId)).isEqualTo("REPLACING");

        String replacement = "shp-x~" + caseId;
        fromFulfillment(new ShipmentCreated(orderId, STORE, replacement, CUP, Instant.now(), caseId), 3);
        fromFulfillment(
                new ShipmentDispatched(orderId, STORE, replacement, "SF", "SF200", null, CUP, "wh.zhao", Instant.now()),
                4);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(caseId)).isEqualTo("COMPLETED"));
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            assertThat(TestEvents.await(events, orderId, "ReplacementRequested", 2, Duration.ofSeconds(1)))
                    .as("asked once: the redelivered receipt came before the replacement's events")
                    .hasSize(1);
        }
        assertThat(get("/api/refund-ledgers/" + orderId, SUPERVISOR)
                        .get("refunded")
                        .get("amountMinor")
                        .asLong())
                .isZero();
    }

    private static final List<ItemQuantity> CUP = List.of(new ItemQuantity("CUP-GL-01", 1));

    private RecordMetadata fromFulfillment(StoreOpsEvent event, long sequence) {
        return kafka.send(TestEvents.record(event, "fulfillment-service", sequence))
                .join()
                .getRecordMetadata();
    }

    /** The cancellation's refund approved by itself, paid and completed: the whole order back to the buyer. */
    private void awaitPaidBackInFullAutomatically(String orderId) {
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(get("/api/refund-ledgers/" + orderId, SUPERVISOR)
                                .get("refunded")
                                .get("amountMinor")
                                .asLong())
                        .isEqualTo(28600));
        JsonNode refund = get("/api/refunds/rf-cancelled-" + orderId, CS).get("refundCase");
        assertThat(refund.get("decision").get("automatic").asBoolean()).isTrue();
        assertThat(refund.get("state").asString()).isEqualTo("COMPLETED");
    }

    /** The buyer cancelled the order, as order-service's second event of it says. */
    private void cancelled(String orderId) {
        kafka.send(TestEvents.record(
                        new OrderCancelled(orderId, STORE, "buyer ordered twice", "cs.li", Instant.now()),
                        "order-service",
                        2))
                .join();
    }

    private String state(String caseId) {
        return get("/api/refunds/" + caseId, CS).get("refundCase").get("state").asString();
    }

    private String paidOrder() {
        return paidOrder(DeskSteps.newOrderNumber());
    }

    private String paidOrder(String orderNumber) {
        return steps.paidOrder(
                STORE,
                orderNumber,
                List.of(
                        new OrderLine("TEA-LJ-250", "西湖龙井 250g", 2, new Money(12800, "CNY")),
                        new OrderLine("CUP-GL-01", "Glass cup", 1, new Money(3000, "CNY"))),
                1000,
                28600,
                "CNY",
                SUPERVISOR);
    }

    private static Map<String, Object> cupBack(String orderId) {
        return Map.of(
                "orderId",
                orderId,
                "type",
                "RETURN_AND_REFUND",
                "reason",
                "cracked on arrival",
                "goodsReceived",
                true,
                "lines",
                List.of(Map.of("lineIndex", 1, "quantity", 1, "amountMinor", 3000)),
                "evidence",
                List.of("https://img.example/crack.jpg"));
    }

    private int status(String uri, String bearer) {
        return http.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("note", "decided"))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private JsonNode get(String uri, String bearer) {
        return TestHttp.read(http, uri, bearer);
    }
}

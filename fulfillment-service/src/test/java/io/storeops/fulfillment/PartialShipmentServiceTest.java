package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderHeld;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.fulfillment.stock.StockItem;
import io.storeops.fulfillment.stock.StockLedger;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Partial shipments over real Kafka records: a store that splits sends what is in stock at once and
 * the lines short at payment in a second parcel once they come, and every order event reaches both.
 */
@ServiceTest
class PartialShipmentServiceTest {

    private static final String STORE = "split-east";
    private static final String WAREHOUSE = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, STORE);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    StockLedger ledger;

    @Autowired
    AggregateStore aggregates;

    @Test
    void whatIsInStockGoesNowAndTheRestFollowsOnceRestockedWhateverTheRedeliveries() {
        String tea = sku();
        String cup = sku();
        count(tea, 5);
        count(cup, 0);
        String orderId = PaidOrders.newOrderId(STORE);
        var payment = TestEvents.record(teaAndCup(orderId, tea, cup), "order-service", 1);

        List<ConsumerRecord<String, byte[]>> created;
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS);
                Consumer<String, byte[]> moreEvents = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kafka.send(payment).join();
            kafka.send(payment).join();
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(status(secondOf(orderId))).isEqualTo("AWAITING_STOCK"));
            created = TestEvents.await(events, orderId, "ShipmentCreated", 3, Duration.ofSeconds(3));
            List<ConsumerRecord<String, byte[]>> shortages =
                    TestEvents.await(moreEvents, orderId, "StockShortage", 2, Duration.ofSeconds(3));
            assertThat(shortages).as("announced once, for the second parcel").hasSize(1);
            assertThat(EventJson.read(shortages.get(0).value(), StockShortage.class)
                            .shipmentId())
                    .isEqualTo(secondOf(orderId));
        }
        assertThat(created)
                .as("two parcels, each once")
                .extracting(record ->
                        EventJson.read(record.value(), ShipmentCreated.class).shipmentId())
                .containsExactlyInAnyOrder(firstOf(orderId), secondOf(orderId));

        JsonNode first = shipment(firstOf(orderId));
        assertThat(first.get("status").asString()).isEqualTo("READY");
        assertThat(first.get("lines")).hasSize(1);
        assertThat(first.get("lines").get(0).get("sku").asString()).isEqualTo(tea);
        assertThat(first.get("parcel").asInt()).isEqualTo(1);
        assertThat(first.get("otherParcel").asString()).isEqualTo(secondOf(orderId));
        assertThat(shipment(secondOf(orderId)).get("lines").get(0).get("sku").asString())
                .isEqualTo(cup);
        assertThat(stock(tea).get("reserved"))
                .singleElement()
                .satisfies(held -> assertThat(held.get("shipmentId").asString()).isEqualTo(firstOf(orderId)));
        assertThat(stock(cup).get("waiting"))
                .as("the cup waits for the second parcel, once")
                .singleElement()
                .satisfies(line -> assertThat(line.get("shipmentId").asString()).isEqualTo(secondOf(orderId)));

        dispatch(firstOf(orderId), "SF1234567890123");
        adjust(cup, 1);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(status(secondOf(orderId))).isEqualTo("READY"));
        dispatch(secondOf(orderId), "SF1234567890124");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(stock(tea).get("onHand").asInt()).isEqualTo(4);
            assertThat(stock(cup).get("onHand").asInt()).isZero();
        });
        assertThat(stock(cup).get("reservedUnits").asInt()).isZero();
    }

    @Test
    void aHoldAndACancellationReachBothParcelsAndGiveBackEveryUnit() {
        String tea = sku();
        String cup = sku();
        String orderId = splitOrder(tea, cup);

        kafka.send(TestEvents.record(
                        new OrderHeld(orderId, STORE, List.of("ADDRESS_DOUBT"), Instant.now()), "order-service", 2))
                .join();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(status(firstOf(orderId))).isEqualTo("ON_HOLD");
            assertThat(status(secondOf(orderId))).isEqualTo("ON_HOLD");
        });

        kafka.send(TestEvents.record(
                        new OrderCancelled(orderId, STORE, "buyer changed their mind", "cs.li", Instant.now()),
                        "order-service",
                        3))
                .join();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(status(firstOf(orderId))).isEqualTo("CANCELLED");
            assertThat(status(secondOf(orderId))).isEqualTo("CANCELLED");
            assertThat(stock(tea).get("available").asInt()).isEqualTo(1);
            assertThat(stock(cup).get("waiting")).isEmpty();
        });
    }

    @Test
    void aPaymentRedeliveredAfterTheServiceDiedBetweenTheTwoParcelsCompletesTheSplit() {
        String tea = sku();
        String cup = sku();
        // As the service left it when it died: the units asked for, the first parcel written, no second.
        Fulfillment first = firstParcelWritten(tea, cup);
        String orderId = first.orderId();
        OrderPaid paid = paidOf(first);
        assertThat(stock(cup).get("waiting").get(0).get("shipmentId").asString())
                .isEqualTo(firstOf(orderId));

        kafka.send(TestEvents.record(paid, "order-service", 1)).join();

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(stock(cup).get("waiting"))
                        .singleElement()
                        .satisfies(line ->
                                assertThat(line.get("shipmentId").asString()).isEqualTo(secondOf(orderId))));
        assertThat(status(secondOf(orderId))).isEqualTo("AWAITING_STOCK");
        assertThat(stock(tea).get("reserved"))
                .singleElement()
                .satisfies(held -> assertThat(held.get("shipmentId").asString()).isEqualTo(firstOf(orderId)));
        adjust(cup, 1);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(status(secondOf(orderId))).isEqualTo("READY"));
    }

    @Test
    void aPaymentRedeliveredAfterTheServiceDiedBeforeTheHandOverHandsTheUnitsOverOnce() {
        String tea = sku();
        String cup = sku();
        // Both parcels written, the cup still waiting under the first parcel's shipment.
        Fulfillment first = firstParcelWritten(tea, cup);
        String orderId = first.orderId();
        OrderPaid paid = paidOf(first);
        aggregates
                .apply(
                        "fulfillments",
                        first.followUp().key(),
                        Fulfillment.class,
                        current -> Fulfillment.followUpOf(current, first, Instant.now()))
                .block();
        var payment = TestEvents.record(paid, "order-service", 1);

        kafka.send(payment).join();
        kafka.send(payment).join();

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(stock(cup).get("waiting"))
                        .singleElement()
                        .satisfies(line ->
                                assertThat(line.get("shipmentId").asString()).isEqualTo(secondOf(orderId))));
        adjust(cup, 1);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(status(secondOf(orderId))).isEqualTo("READY"));
        assertThat(stock(cup).get("reserved"))
                .singleElement()
                .satisfies(held -> assertThat(held.get("shipmentId").asString()).isEqualTo(secondOf(orderId)));
    }

    @Test
    void aRefundNamingTheShortGoodsStopsTheSecondParcelAndItsPlaceInTheQueueWhileTheFirstStillGoes() {
        String tea = sku();
        String cup = sku();
        String orderId = splitOrder(tea, cup);

        kafka.send(TestEvents.record(
                        new RefundApproved(
                                orderId,
                                STORE,
                                "rf-" + orderId,
                                "REFUND_ONLY",
                                new Money(3000, "CNY"),
                                List.of(new ItemQuantity(cup, 1)),
                                "sup.chen",
                                false,
                                Instant.now()),
                        "refund-service",
                        1))
                .join();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(status(secondOf(orderId))).isEqualTo("CANCELLED");
            assertThat(stock(cup).get("waiting")).isEmpty();
        });
        assertThat(status(firstOf(orderId))).isEqualTo("READY");
        assertThat(stock(tea).get("reservedUnits").asInt()).isEqualTo(1);
    }

    /**
     * A tea-and-cup order (the tea in stock, the cup not) as a crash in the middle of its split left
     * it: the units asked for and its first parcel written, the second not yet.
     */
    private Fulfillment firstParcelWritten(String tea, String cup) {
        count(tea, 1);
        count(cup, 0);
        OrderPaid paid = teaAndCup(PaidOrders.newOrderId(STORE), tea, cup);
        for (OrderLine line : paid.lines()) {
            ledger.reserve(
                            STORE,
                            line.sku(),
                            new StockItem.Waiting(firstOf(paid.orderId()), paid.orderId(), 1, paid.paidAt()))
                    .block();
        }
        return aggregates
                .apply(
                        "fulfillments",
                        paid.orderId(),
                        Fulfillment.class,
                        current -> Fulfillment.forPaidOrder(
                                current, paid, List.of(new ItemQuantity(cup, 1)), List.of(1), Instant.now()))
                .block()
                .state();
    }

    /** The payment the first parcel was made from, to be delivered again. */
    private static OrderPaid paidOf(Fulfillment first) {
        return PaidOrders.paid(first.orderId(), first.paidAt(), first.paid().lines(), List.of());
    }

    /** A paid order of a tea in stock and a cup that is not, once split: its id. */
    private String splitOrder(String tea, String cup) {
        count(tea, 1);
        count(cup, 0);
        String orderId = PaidOrders.newOrderId(STORE);
        kafka.send(TestEvents.record(teaAndCup(orderId, tea, cup), "order-service", 1))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(status(secondOf(orderId))).isEqualTo("AWAITING_STOCK"));
        return orderId;
    }

    private static OrderPaid teaAndCup(String orderId, String tea, String cup) {
        return PaidOrders.paid(
                orderId,
                Instant.now(),
                List.of(
                        new OrderLine(tea, "西湖龙井 250g", 1, new Money(12800, "CNY")),
                        new OrderLine(cup, "青瓷茶杯", 1, new Money(3000, "CNY"))),
                List.of());
    }

    private static String firstOf(String orderId) {
        return Fulfillment.shipmentIdFor(orderId);
    }

    private static String secondOf(String orderId) {
        return Fulfillment.followUpShipmentIdFor(orderId);
    }

    private String status(String shipmentId) {
        return shipment(shipmentId).get("status").asString();
    }

    private JsonNode shipment(String shipmentId) {
        return staff().read("/api/shipments/" + shipmentId);
    }

    private JsonNode stock(String sku) {
        return staff().stock(STORE, sku);
    }

    private void dispatch(String shipmentId, String trackingNumber) {
        staff().dispatch(shipmentId, trackingNumber).expectStatus().isOk();
    }

    private void count(String sku, int onHand) {
        staff().count(STORE, sku, Map.of("onHand", onHand)).expectStatus().isOk();
    }

    private void adjust(String sku, int delta) {
        staff().adjust(STORE, sku, Map.of("delta", delta, "reason", "received"))
                .expectStatus()
                .isOk();
    }

    private StaffCalls staff() {
        return new StaffCalls(http, WAREHOUSE);
    }

    private static String sku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

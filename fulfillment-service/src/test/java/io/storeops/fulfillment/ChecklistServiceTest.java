package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.EventJson;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.ListingWithdrawn;
import io.storeops.contracts.events.listing.PublishedSku;
import io.storeops.fulfillment.batch.DispatchBatch;
import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.fulfillment.catalogue.Catalogue;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The warehouse's checklists from the listing, with real Kafka records as listing-service publishes
 * them: each SKU's accessories follow the newest page version (a redelivery or a late older version
 * changes nothing), show on the shipment, are what the check may name missing, and print on the
 * outbound slip with a box to tick.
 */
@ServiceTest
class ChecklistServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String EAST = "checklist-east";
    private static final String WEST = "checklist-west";

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    Catalogue catalogue;

    @Autowired
    DispatchBatches batches;

    private final String warehouse = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, EAST);

    @Test
    void theChecklistFollowsTheNewestPageVersionAndARedeliveryOrALateOlderVersionChangesNothing() {
        Product tea = new Product();
        String orderId = paid(tea, Instant.now());
        String shipmentId = "shp-" + orderId;

        tea.publish(1);
        tea.send(tea.changed(2, "西湖龙井 明前特级（礼盒装）", List.of("茶罐", "礼盒")), 2);
        tea.send(tea.changed(2, "西湖龙井 明前特级（礼盒装）", List.of("茶罐", "礼盒")), 2); // redelivered
        tea.send(tea.published(EAST, 1, List.of("茶罐")), 3); // the first version again, late
        tea.send(
                new ListingWithdrawn(
                        tea.productId, EAST, "tmall-" + tea.productId, "season over", "mgr", Instant.now()),
                4);
        tea.send(tea.published(WEST, 3, List.of("茶罐")), 5); // after all the above on the product's partition
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                catalogue.itemsOf(WEST, List.of(tea.sku)).block())
                        .containsKey(tea.sku));

        assertThat(catalogue.itemsOf(EAST, List.of(tea.sku)).block().get(tea.sku))
                .as("page version 2 stands, withdrawn or not")
                .extracting(PublishedSku::pageVersion, PublishedSku::title, PublishedSku::packageContents)
                .containsExactly(2, "西湖龙井 明前特级（礼盒装）", List.of("茶罐", "礼盒"));
        await().atMost(PATIENCE)
                .untilAsserted(() -> shipment(shipmentId)
                        .jsonPath("$.checklist[0].sku")
                        .isEqualTo(tea.sku)
                        .jsonPath("$.checklist[0].title")
                        .isEqualTo("西湖龙井 明前特级（礼盒装）")
                        .jsonPath("$.checklist[0].variant")
                        .isEqualTo("250g")
                        .jsonPath("$.checklist[0].quantity")
                        .isEqualTo(2)
                        .jsonPath("$.checklist[0].productId")
                        .isEqualTo(tea.productId)
                        .jsonPath("$.checklist[0].accessories")
                        .isEqualTo(List.of("茶罐", "礼盒"))
                        .jsonPath("$.checklist[1].sku")
                        .isEqualTo("CUP-GL-01")
                        // never listed: the order's title, nothing to check with it
                        .jsonPath("$.checklist[1].title")
                        .isEqualTo("玻璃杯")
                        .jsonPath("$.checklist[1].accessories")
                        .isEmpty());
        http.get()
                .uri("/api/shipments?storeId={store}&status=READY", EAST)
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.shipmentId == '" + shipmentId + "')].checklist[0].accessories[1]")
                .isEqualTo(List.of("礼盒"));
    }

    @Test
    void theCheckNamesWhatIsMissingFromTheChecklistWhichHoldsTheParcelAndTellsCustomerService() {
        Product tea = new Product();
        tea.publish(1);
        String orderId = paid(tea, Instant.now());
        String shipmentId = "shp-" + orderId;
        awaitChecklist(shipmentId, List.of("茶罐"));

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            inspect(shipmentId, Map.of("missing", List.of(Map.of("sku", tea.sku, "item", "茶匙"))))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:storeops:problem:not-on-checklist")
                    .jsonPath("$.sku")
                    .isEqualTo(tea.sku)
                    .jsonPath("$.item")
                    .isEqualTo("茶匙")
                    .jsonPath("$.checklist")
                    .isEqualTo(List.of("茶罐"));
            inspect(shipmentId, Map.of("complete", true, "missing", List.of(Map.of("sku", tea.sku, "item", "茶罐"))))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:storeops:problem:invalid-payload");
            shipment(shipmentId).jsonPath("$.inspection").doesNotExist();

            inspect(
                            shipmentId,
                            Map.of(
                                    "complete",
                                    false,
                                    "note",
                                    "box taped twice",
                                    "missing",
                                    List.of(Map.of("sku", tea.sku, "item", "茶罐"))))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.inspection.complete")
                    .isEqualTo(false)
                    .jsonPath("$.inspection.note")
                    .isEqualTo("missing: 茶罐 (" + tea.sku + "); box taped twice")
                    .jsonPath("$.inspection.missing[0].item")
                    .isEqualTo("茶罐")
                    .jsonPath("$.trouble.kind")
                    .isEqualTo("ACCESSORIES_MISMATCH");
            var trouble = TestEvents.await(events, orderId, "ShipmentException", 1, PATIENCE);
            assertThat(trouble).hasSize(1);
            assertThat(EventJson.read(trouble.get(0).value(), ShipmentException.class)
                            .detail())
                    .isEqualTo("missing: 茶罐 (" + tea.sku + "); box taped twice");
        }
        dispatch(shipmentId)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("missing: 茶罐"));
        inspect(shipmentId, Map.of("complete", true)).expectStatus().isOk();
        dispatch(shipmentId).expectStatus().isOk();
    }

    @Test
    void theOutboundSlipPrintsEachLinesAccessoriesWithABoxToTick() throws IOException {
        Product tea = new Product();
        tea.publish(1);
        tea.send(tea.changed(2, "西湖龙井 明前特级", List.of("茶罐", "礼盒", "冲泡说明卡")), 2);
        Instant paidAt = Instant.parse("2035-03-01T05:00:00Z");
        String orderId = paid(tea, paidAt);
        awaitChecklist("shp-" + orderId, List.of("茶罐", "礼盒", "冲泡说明卡"));

        DispatchBatch batch =
                batches.cutOffDue(EAST, Instant.parse("2035-03-01T15:00:00Z")).block();
        assertThat(batch.shipmentIds()).contains("shp-" + orderId);
        byte[] slips = http.get()
                .uri("/api/dispatch-batches/{id}/documents/outbound-slips", batch.batchId())
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        try (PDDocument document = Loader.loadPDF(slips)) {
            assertThat(new PDFTextStripper().getText(document))
                    .containsSubsequence(
                            orderId.substring(orderId.indexOf(':') + 1),
                            tea.sku,
                            "西湖龙井 明前特级 250g",
                            "附件 Accessories",
                            "茶罐",
                            "礼盒",
                            "冲泡说明卡",
                            "CUP-GL-01",
                            "玻璃杯");
        }
    }

    /** A product of the listing, under a fresh id, with a 250g SKU. */
    private final class Product {
        final String productId =
                "TEA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        final String sku = productId + "-250";

        void publish(long sequence) {
            send(published(EAST, 1, List.of("茶罐")), sequence);
        }

        ListingPublished published(String storeId, int pageVersion, List<String> contents) {
            return new ListingPublished(
                    productId,
                    storeId,
                    productId,
                    "西湖龙井 明前特级",
                    pageVersion,
                    1,
                    "tmall-" + productId,
                    List.of(new ListedSku(sku, "250g", new Money(12800, "CNY"), contents)),
                    "img-1",
                    "mgr.chen",
                    Instant.now());
        }

        ListingChanged changed(int pageVersion, String title, List<String> contents) {
            return new ListingChanged(
                    productId,
                    EAST,
                    productId,
                    title,
                    pageVersion,
                    pageVersion,
                    "tmall-" + productId,
                    List.of(new ListedSku(sku, "250g", new Money(12800, "CNY"), contents)),
                    "img-2",
                    List.of("TITLE", "SKUS"),
                    "mgr.chen",
                    Instant.now());
        }

        /** The record as listing-service's relay publishes it: from the product's listing aggregate. */
        void send(StoreOpsEvent event, long sequence) {
            ProducerRecord<String, byte[]> record = TestEvents.record(event, "listing-service", sequence);
            record.headers()
                    .add(CloudEventHeaders.AGGREGATE, ("listings/" + productId).getBytes(StandardCharsets.UTF_8));
            kafka.send(record).join();
        }
    }

    /** An order of the east store: two of the product's 250g tins and a glass cup nobody listed. */
    private String paid(Product product, Instant paidAt) {
        String orderId = PaidOrders.newOrderId(EAST);
        kafka.send(TestEvents.record(
                        PaidOrders.paid(
                                orderId,
                                paidAt,
                                List.of(
                                        new OrderLine(product.sku, "龙井 250g", 2, new Money(12800, "CNY")),
                                        new OrderLine("CUP-GL-01", "玻璃杯", 1, new Money(3900, "CNY"))),
                                List.of()),
                        "order-service",
                        1))
                .join();
        return orderId;
    }

    private void awaitChecklist(String shipmentId, List<String> accessories) {
        await().atMost(PATIENCE)
                .untilAsserted(() -> shipment(shipmentId)
                        .jsonPath("$.checklist[0].accessories")
                        .isEqualTo(accessories));
    }

    private WebTestClient.BodyContentSpec shipment(String shipmentId) {
        return http.get()
                .uri("/api/shipments/{id}", shipmentId)
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private WebTestClient.ResponseSpec inspect(String shipmentId, Map<String, Object> body) {
        return http.post()
                .uri("/api/shipments/{id}/inspection", shipmentId)
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec dispatch(String shipmentId) {
        return http.post()
                .uri("/api/shipments/{id}/dispatch", shipmentId)
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .bodyValue(Map.of("carrier", "SF", "trackingNumber", "SF1234567890123"))
                .exchange();
    }
}

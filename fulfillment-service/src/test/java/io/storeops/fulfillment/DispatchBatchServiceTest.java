package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.DispatchBatchCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.fulfillment.batch.DispatchBatch;
import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.Scrapes;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The daily batch with real Kafka records: what the cut-off takes and leaves, one batch per store
 * and day however often and wherever it is cut off, and the day's stamps from the clerk, the
 * warehouse and the manager.
 */
@ServiceTest
class DispatchBatchServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Gauges are counted on a timer, and a slow round of counts is followed by 20 times its duration. */
    private static final Duration GAUGE_PATIENCE = Duration.ofSeconds(60);

    private static final String NORTH = "batch-north";
    private static final String DESK = "batch-desk";

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    DispatchBatches batches;

    @Test
    void theCutoffTakesWhatWasReadyAndPaidBeforeItOnceAndTheRestRollsToTheNextWorkingDay() {
        // 14:00 in Shanghai on 2 January 2030 is 06:00 UTC; the 5th is a rest day
        String early = paidAt(NORTH, Instant.parse("2030-01-02T05:59:00Z"), List.of());
        String late = paidAt(NORTH, Instant.parse("2030-01-02T06:00:01Z"), List.of());
        String held = paidAt(NORTH, Instant.parse("2030-01-02T05:00:00Z"), List.of("BUYER_NOTE"));
        String clerk = TestTokens.bearer("clerk.wu", StaffRole.ORDER_CLERK, NORTH);
        List.of(early, late, held).forEach(orderId -> awaitShipment(orderId, clerk));

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            // the service was down at 14:00 and starts at 15:00, on two instances at once
            Instant restart = Instant.parse("2030-01-02T07:00:00Z");
            List<DispatchBatch> made = Flux.merge(batches.cutOffDue(NORTH, restart), batches.cutOffDue(NORTH, restart))
                    .collectList()
                    .block();

            assertThat(made).extracting(DispatchBatch::batchId).containsOnly("batch-north-2030-01-02");
            assertThat(batches.cutOffDue(NORTH, restart.plusSeconds(60)).blockOptional())
                    .as("a later look finds the day's batch made")
                    .isEmpty();
            var created = TestEvents.await(events, "batch-north-2030-01-02", "DispatchBatchCreated", 1, PATIENCE);
            assertThat(created).hasSize(1);
            assertThat(EventJson.read(created.get(0).value(), DispatchBatchCreated.class)
                            .shipmentIds())
                    .containsExactly("shp-" + early);
        }
        awaitShipmentField(early, clerk, "$.batchId", "batch-north-2030-01-02");

        // the 3rd takes the late one; the 5th rests, so the 6th's cut-off takes nothing of the 4th's
        batches.cutOffDue(NORTH, Instant.parse("2030-01-03T06:00:00Z")).block();
        batch("batch-north-2030-01-03", clerk)
                .jsonPath("$.shipments[*].orderId")
                .isEqualTo(List.of(late))
                .jsonPath("$.madeBy")
                .isEqualTo("storeops");
        awaitShipmentField(late, clerk, "$.batchId", "batch-north-2030-01-03");
        batches.cutOffDue(NORTH, Instant.parse("2030-01-05T23:00:00Z")).block();
        http.get()
                .uri("/api/dispatch-batches/{id}", "batch-north-2030-01-05")
                .header(HttpHeaders.AUTHORIZATION, clerk)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/dispatch-batches/{id}", "batch-north-2030-01-04")
                .header(HttpHeaders.AUTHORIZATION, clerk)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CLOSED")
                .jsonPath("$.shipmentCount")
                .isEqualTo(0);
    }

    @Test
    void theClerkCutsOffEarlyPrintsAndStampsTheWarehouseClosesAndTheManagerAcknowledges() {
        Instant beforeNow = Instant.now().minusSeconds(60);
        String shipped = paidAt(DESK, beforeNow, List.of());
        String pulled = paidAt(DESK, beforeNow, List.of());
        String repacked = paidAt(DESK, beforeNow, List.of());
        String clerk = TestTokens.bearer("clerk.wu", StaffRole.ORDER_CLERK, DESK);
        String warehouse = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, DESK);
        String manager = TestTokens.bearer("mgr.chen", StaffRole.MANAGER, DESK);
        String service = TestTokens.bearer("cs.li", StaffRole.CS_PRESALE, DESK);
        List.of(shipped, pulled, repacked).forEach(orderId -> awaitShipment(orderId, clerk));
        post("/api/shipments/{id}/urges", "shp-" + shipped, service, Map.of("note", "wedding on Saturday"))
                .expectStatus()
                .isOk();

        String batchId = post("/api/dispatch-batches", "", clerk, Map.of("storeId", DESK))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("batchId")
                .toString();
        post("/api/dispatch-batches", "", clerk, Map.of("storeId", DESK))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:batch-exists")
                .jsonPath("$.batchId")
                .isEqualTo(batchId);
        batch(batchId, clerk)
                .jsonPath("$.madeBy")
                .isEqualTo("clerk.wu")
                .jsonPath("$.shipments[?(@.orderId == '" + shipped + "')].urged")
                .isEqualTo(List.of(true))
                .jsonPath("$.shipments[?(@.orderId == '" + pulled + "')].urged")
                .isEqualTo(List.of(false))
                .jsonPath("$.shipments[?(@.orderId == '" + pulled + "')].lines[0].sku")
                .isEqualTo(List.of("TEA-LJ-250"));
        http.get()
                .uri("/api/dispatch-batches/schedule?storeId={store}", DESK)
                .header(HttpHeaders.AUTHORIZATION, clerk)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.latestBatch.batchId")
                .isEqualTo(batchId)
                .jsonPath("$.collectingBatchId")
                .isEqualTo(DESK + "-" + LocalDate.now(ZoneOffset.UTC).plusDays(1))
                .jsonPath("$.cutoff")
                .isEqualTo("23:59:59");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                Scrapes.value(http, "storeops_dispatch_batch_open_shipments", "store=\"" + DESK + "\""))
                        .isEqualTo(3));
        http.get()
                .uri("/api/warehouse-desk")
                .header(HttpHeaders.AUTHORIZATION, clerk)
                .exchange()
                .expectBody()
                .jsonPath("$.stores[0].queues.batch")
                .isEqualTo(3);
        post("/api/dispatch-batches/{id}/printed", batchId, clerk, Map.of())
                .expectStatus()
                .isOk();
        post("/api/dispatch-batches/{id}/printed", batchId, clerk, Map.of())
                .expectStatus()
                .isEqualTo(409);
        byte[] report = http.get()
                .uri("/api/dispatch-batches/{id}/documents/daily-report", batchId)
                .header(HttpHeaders.AUTHORIZATION, clerk)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PDF)
                .expectHeader()
                .valueEquals(
                        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + batchId + "-daily-report.pdf\"")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(pdfText(report))
                .contains(
                        "日报表 Daily report",
                        batchId,
                        shipped.substring(shipped.indexOf(':') + 1, shipped.indexOf(':') + 10),
                        "催 urged",
                        "clerk.wu");
        byte[] zip = http.get()
                .uri("/api/dispatch-batches/{id}/documents", batchId)
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(zipEntries(zip))
                .containsExactly(
                        batchId + "-daily-report.pdf",
                        batchId + "-outbound-slips.pdf",
                        batchId + "-waybills.pdf",
                        batchId + "-invoices.pdf");
        http.get()
                .uri("/api/dispatch-batches/{id}/documents/invoices-for-everyone", batchId)
                .header(HttpHeaders.AUTHORIZATION, clerk)
                .exchange()
                .expectStatus()
                .isNotFound();
        awaitShipmentField(shipped, warehouse, "$.batchId", batchId);

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            post(
                            "/api/shipments/{id}/dispatch",
                            "shp-" + shipped,
                            warehouse,
                            Map.of("carrier", "SF", "trackingNumber", "SF1234567890123", "accessoriesChecked", true))
                    .expectStatus()
                    .isOk();
            kafka.send(TestEvents.record(
                            new OrderCancelled(pulled, DESK, "buyer changed their mind", "cs.li", Instant.now()),
                            "order-service",
                            2))
                    .join();

            var dispatched = TestEvents.await(events, shipped, "ShipmentDispatched", 1, PATIENCE);
            assertThat(dispatched).hasSize(1);
            assertThat(EventJson.read(dispatched.get(0).value(), ShipmentDispatched.class)
                            .batchId())
                    .isEqualTo(batchId);
        }
        await().atMost(PATIENCE)
                .untilAsserted(() -> batch(batchId, warehouse)
                        .jsonPath("$.shipments[?(@.orderId == '" + pulled + "')].pull")
                        .isEqualTo(List.of(true)));

        post("/api/dispatch-batches/{id}/acknowledgement", batchId, manager, Map.of())
                .expectStatus()
                .isEqualTo(409);
        post("/api/dispatch-batches/{id}/close", batchId, warehouse, Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.shipmentIds")
                .isEqualTo(List.of("shp-" + repacked));
        post(
                        "/api/dispatch-batches/{id}/close",
                        batchId,
                        warehouse,
                        Map.of("explanations", Map.of("shp-" + repacked, "box damaged, repacking")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CLOSED")
                .jsonPath("$.closing.dispatchedCount")
                .isEqualTo(1)
                .jsonPath("$.closing.rolledOn")
                .isEqualTo(List.of("shp-" + repacked));
        awaitShipmentField(repacked, warehouse, "$.batchId", null);
        await().atMost(GAUGE_PATIENCE)
                .untilAsserted(() -> assertThat(Scrapes.value(
                                http, "storeops_dispatch_batch_open_age_seconds", "store=\"" + DESK + "\""))
                        .as("no batch of the store is open any more")
                        .isZero());

        post("/api/dispatch-batches/{id}/acknowledgement", batchId, clerk, Map.of())
                .expectStatus()
                .isForbidden();
        post("/api/dispatch-batches/{id}/acknowledgement", batchId, manager, Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.acknowledged.by")
                .isEqualTo("mgr.chen");
        post("/api/dispatch-batches/{id}/acknowledgement", batchId, manager, Map.of())
                .expectStatus()
                .isEqualTo(409);
        http.get()
                .uri("/api/dispatch-batches?storeId={store}", DESK)
                .header(HttpHeaders.AUTHORIZATION, manager)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].batchId")
                .isEqualTo(batchId);
    }

    @Test
    void aBatchCutOffBeforeTheLastOnesShipmentsKnowTheyAreInItDoesNotTakeThemAgain() {
        String order = paidAt(NORTH, Instant.parse("2030-04-01T05:00:00Z"), List.of());
        awaitShipment(order, TestTokens.bearer("clerk.wu", StaffRole.ORDER_CLERK, NORTH));

        // caught up after a restart, then at once the next day's (as the clerk's early cut-off does)
        DispatchBatch caughtUp =
                batches.cutOffDue(NORTH, Instant.parse("2030-04-01T07:00:00Z")).block();
        DispatchBatch next =
                batches.cutOffDue(NORTH, Instant.parse("2030-04-02T07:00:00Z")).block();

        assertThat(caughtUp.shipmentIds()).containsExactly("shp-" + order);
        assertThat(next.shipmentIds()).doesNotContain("shp-" + order);
    }

    @Test
    void batchesOfAnotherStoreAreNotFoundAndAnUnknownStoreHasNoSchedule() {
        String clerk = TestTokens.bearer("clerk.wu", StaffRole.ORDER_CLERK, "tmall-flagship");
        batches.cutOffDue(NORTH, Instant.parse("2030-02-01T07:00:00Z")).block();

        http.get()
                .uri("/api/dispatch-batches/{id}", "batch-north-2030-02-01")
                .header(HttpHeaders.AUTHORIZATION, clerk)
                .exchange()
                .expectStatus()
                .isNotFound();
        String nowhere = TestTokens.bearer("clerk.wu", StaffRole.ORDER_CLERK, "nowhere");
        post("/api/dispatch-batches", "", nowhere, Map.of("storeId", "nowhere"))
                .expectStatus()
                .isNotFound();
        post("/api/dispatch-batches", "", clerk, Map.of()).expectStatus().isEqualTo(422);
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException unreadable) {
            throw new AssertionError("not a PDF", unreadable);
        }
    }

    /** The names in a zip, each entry checked to be a PDF. */
    private static List<String> zipEntries(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                assertThat(new String(entries.readNBytes(5), StandardCharsets.US_ASCII))
                        .isEqualTo("%PDF-");
                names.add(entry.getName());
            }
        } catch (IOException unreadable) {
            throw new AssertionError("not a zip", unreadable);
        }
        return names;
    }

    private String paidAt(String storeId, Instant paidAt, List<String> holds) {
        String orderId = PaidOrders.newOrderId(storeId);
        var tea = PaidOrders.oneTea(orderId, paidAt);
        kafka.send(TestEvents.record(PaidOrders.paid(orderId, paidAt, tea.lines(), holds), "order-service", 1))
                .join();
        return orderId;
    }

    private void awaitShipment(String orderId, String bearer) {
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments/{id}", "shp-" + orderId)
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .exchange()
                        .expectStatus()
                        .isOk());
    }

    private void awaitShipmentField(String orderId, String bearer, String path, Object value) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            var body = http.get()
                    .uri("/api/shipments/{id}", "shp-" + orderId)
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody();
            if (value == null) {
                body.jsonPath(path).doesNotExist();
            } else {
                body.jsonPath(path).isEqualTo(value);
            }
        });
    }

    private WebTestClient.BodyContentSpec batch(String batchId, String bearer) {
        return http.get()
                .uri("/api/dispatch-batches/{id}", batchId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private WebTestClient.ResponseSpec post(String uri, String id, String bearer, Object body) {
        return http.post()
                .uri(uri, id)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(body)
                .exchange();
    }
}

package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.fulfillment.stock.StockItem;
import io.storeops.fulfillment.stock.StockLedger;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.Scrapes;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** The stock ledger over HTTP: counts, adjustments, who may, and files of counts or adjustments. */
@ServiceTest
class StockServiceTest {

    private static final String STORE = "tmall-flagship";
    private static final String WAREHOUSE = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, STORE);

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    StockLedger ledger;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void theWarehouseCountsReceivesAndTakesOutStockAndEveryChangeIsKept() {
        String sku = sku();

        put(sku, Map.of("onHand", 120, "reason", "monthly count"))
                .expectStatus()
                .isOk();
        adjust(sku, Map.of("delta", -3, "reason", "damaged")).expectStatus().isOk();
        adjust(sku, Map.of("delta", -200))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("only 117 on hand: cannot take out 200.");

        http.get()
                .uri("/api/stock/{store}/{sku}", STORE, sku)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.onHand")
                .isEqualTo(117)
                .jsonPath("$.movements.length()")
                .isEqualTo(2)
                .jsonPath("$.movements[1].by")
                .isEqualTo("wh.zhao")
                .jsonPath("$.movements[1].reason")
                .isEqualTo("damaged");
    }

    @Test
    void onlyTheWarehouseAndTheStoreManagerChangeStockAndOnlyInTheirStores() {
        String sku = sku();

        put(sku, Map.of("onHand", 1), TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE))
                .expectStatus()
                .isForbidden();
        put(sku, Map.of("onHand", 1), TestTokens.bearer("wh.us", StaffRole.WAREHOUSE, "shopify-us"))
                .expectStatus()
                .isForbidden();
        put(sku, Map.of("onHand", 1), TestTokens.bearer("sm.wu", StaffRole.STORE_MANAGER, STORE))
                .expectStatus()
                .isOk();
        put(sku, Map.of("reason", "no quantity")).expectStatus().isEqualTo(422);
    }

    @Test
    void aStoresStockListsInSkuOrderAPageAtATime() {
        String prefix = "LIST-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (String suffix : List.of("C", "A", "B")) {
            put(prefix + suffix, Map.of("onHand", 5)).expectStatus().isOk();
        }

        JsonNode first = page("/api/stock?storeId=" + STORE + "&limit=500");
        List<String> skus = first.get("items")
                .valueStream()
                .map(item -> item.get("sku").asString())
                .filter(sku -> sku.startsWith(prefix))
                .toList();

        assertThat(skus).containsExactly(prefix + "A", prefix + "B", prefix + "C");
        JsonNode two = page("/api/stock?storeId=" + STORE + "&limit=1");
        assertThat(two.get("nextCursor").isNull()).isFalse();
        JsonNode next = page("/api/stock?storeId=" + STORE + "&limit=1&cursor="
                + two.get("nextCursor").asString());
        assertThat(next.get("items").get(0).get("sku").asString())
                .isGreaterThan(two.get("items").get(0).get("sku").asString());
    }

    @Test
    void aCsvOfCountsIsAppliedRowByRowAndItsBadRowsAreReportedWithoutChangingAnything() {
        String good = sku();
        String alsoGood = sku();
        String csv = "\uFEFFsku,onHand,reason\n" + good + ",40,count\n" + "bad sku!,3,\n" + alsoGood + ",1.5,\n"
                + alsoGood + ",7,\n\n";

        JsonNode report = upload("counts.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.get("kind").asString()).isEqualTo("COUNT");
        assertThat(report.get("applied").asLong()).isEqualTo(2);
        assertThat(report.get("refused")
                        .valueStream()
                        .map(row -> row.get("row").asLong() + ": "
                                + row.get("problem").asString()))
                .containsExactly(
                        "3: sku must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.",
                        "4: the quantity '1.5' is not a whole number.");
        assertThat(onHand(good)).isEqualTo(40);
        assertThat(onHand(alsoGood)).isEqualTo(7);
    }

    @Test
    void adjustmentsComeAsChineseCsvFromExcelOrAsXlsx() throws IOException {
        String sku = sku();
        put(sku, Map.of("onHand", 10)).expectStatus().isOk();

        String chinese = "商家编码,调整数量,备注\n" + sku + ",5,到货\n";
        JsonNode fromExcel = upload("到货.csv", chinese.getBytes(Charset.forName("GB18030")));
        assertThat(fromExcel.get("applied").asLong()).isEqualTo(1);
        assertThat(reasonOfLastMovement(sku)).isEqualTo("到货");

        JsonNode fromXlsx = upload(
                "adjust.xlsx",
                workbook(List.of(
                        List.of("SKU", "Delta", "Reason"),
                        List.of(sku, "-20", "lost"),
                        List.of(sku, "-2", "damaged"))));
        assertThat(fromXlsx.get("applied").asLong()).isEqualTo(1);
        assertThat(fromXlsx.get("refused").get(0).get("problem").asString())
                .isEqualTo("only 15 on hand: cannot take out 20.");
        assertThat(onHand(sku)).isEqualTo(13);
    }

    @Test
    void aFileThatBreaksOffIsA422SayingWhereAndHowManyRowsWereApplied() {
        String sku = sku();
        String broken = "sku,onHand\n" + sku + ",4\n\"" + sku() + ",2\n";

        http.post()
                .uri("/api/stock/{store}/imports", STORE)
                .header(HttpHeaders.AUTHORIZATION, WAREHOUSE)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("broken.csv", broken.getBytes(StandardCharsets.UTF_8))))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail)
                        .startsWith("the file cannot be read after row 2 (1 rows applied before it)"));
        assertThat(onHand(sku)).isEqualTo(4);
    }

    @Test
    void aFileWithoutTheColumnsOrOfAnotherKindIsRefusedWhole() {
        http.post()
                .uri("/api/stock/{store}/imports", STORE)
                .header(HttpHeaders.AUTHORIZATION, WAREHOUSE)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(
                        file("stock.csv", "name,qty\nTea,1\n".getBytes(StandardCharsets.UTF_8))))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).startsWith("the first row must name the columns"));
        http.post()
                .uri("/api/stock/{store}/imports", STORE)
                .header(HttpHeaders.AUTHORIZATION, WAREHOUSE)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("stock.pdf", "%PDF".getBytes(StandardCharsets.UTF_8))))
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    @Test
    void concurrentReservationsOfTheLastUnitLeaveExactlyOneHoldingIt() {
        String sku = sku();
        put(sku, Map.of("onHand", 1)).expectStatus().isOk();

        List<StockItem> outcomes = Flux.range(0, 8)
                .flatMap(
                        i -> ledger.reserve(
                                        STORE,
                                        sku,
                                        new StockItem.Waiting("shp-race-" + i, "order-" + i, 1, Instant.now()))
                                .subscribeOn(Schedulers.parallel()),
                        8)
                .collectList()
                .block(PATIENCE);

        StockItem after = ledger.find(STORE, sku).block(PATIENCE);
        assertThat(outcomes).hasSize(8);
        assertThat(after.reserved()).hasSize(1);
        assertThat(after.waiting()).hasSize(7);
        assertThat(after.available()).isZero();
    }

    @Test
    void aPaidOrderShortOfStockWaitsIsAnnouncedOnceAndShipsAfterTheRestockWhileTheParcelTakesItsUnitsOut() {
        String sku = sku();
        put(sku, Map.of("onHand", 1)).expectStatus().isOk();
        List<String> orders = List.of("tmall-flagship:T" + UUID.randomUUID(), "tmall-flagship:T" + UUID.randomUUID());

        String holding;
        String waiting;
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            for (String orderId : orders) {
                kafka.send(TestEvents.record(paid(orderId, sku, 1), "order-service", 1))
                        .join();
            }
            // The orders' partitions decide which is handled first: whichever it is holds the unit.
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(orders.stream().map(this::status))
                            .containsExactlyInAnyOrder("READY", "AWAITING_STOCK"));
            holding = status(orders.get(0)).equals("READY") ? orders.get(0) : orders.get(1);
            waiting = holding.equals(orders.get(0)) ? orders.get(1) : orders.get(0);
            var shortages = TestEvents.await(events, waiting, "StockShortage", 2, Duration.ofSeconds(3));
            assertThat(shortages).hasSize(1);
            assertThat(EventJson.read(shortages.get(0).value(), StockShortage.class)
                            .missingQuantity())
                    .isEqualTo(1);
        }

        double shortagesBefore = counter("storeops_stock_shortages_total");
        double allocationsBefore = counter("storeops_stock_allocations_total");
        adjust(sku, Map.of("delta", 1, "reason", "received")).expectStatus().isOk();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(waiting)).isEqualTo("READY"));
        assertThat(shortagesBefore).as("the shortage was counted").isGreaterThanOrEqualTo(1);
        assertThat(counter("storeops_stock_allocations_total")).isEqualTo(allocationsBefore + 1);

        staff().dispatch("shp-" + holding, "SF1234567890123").expectStatus().isOk();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(onHand(sku)).isEqualTo(1));
        assertThat(item(sku).get("reservedUnits").asInt()).isEqualTo(1);
    }

    @Test
    void aCancelledOrdersUnitsGoBackAndTwoLinesOfOneSkuAreReservedTogether() {
        String sku = sku();
        put(sku, Map.of("onHand", 3)).expectStatus().isOk();
        String orderId = "tmall-flagship:T" + UUID.randomUUID();

        kafka.send(TestEvents.record(paid(orderId, sku, 2, 1), "order-service", 1))
                .join();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(orderId)).isEqualTo("READY"));
        assertThat(item(sku).get("available").asInt()).isZero();

        kafka.send(TestEvents.record(
                        new OrderCancelled(orderId, STORE, "ordered twice", "cs.li", Instant.now()),
                        "order-service",
                        2))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(item(sku).get("available").asInt()).isEqualTo(3));
        assertThat(status(orderId)).isEqualTo("CANCELLED");
    }

    @Test
    void aChangedItemGivesBackTheOldSkusUnitsAndWaitsForTheNewOnesOnceWhateverTheRedeliveries() {
        String small = sku();
        String large = sku();
        put(small, Map.of("onHand", 2)).expectStatus().isOk();
        put(large, Map.of("onHand", 0)).expectStatus().isOk();
        String orderId = "tmall-flagship:T" + UUID.randomUUID();
        kafka.send(TestEvents.record(paid(orderId, small, 1), "order-service", 1))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(item(small).get("reservedUnits").asInt()).isEqualTo(1));

        var change = TestEvents.record(
                new OrderItemChanged(
                        orderId, STORE, 0, small, large, "Tea, large", 1, Money.zero("CNY"), "cs.wang", Instant.now()),
                "order-service",
                2);
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kafka.send(change).join();
            kafka.send(change).join();
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(status(orderId)).isEqualTo("AWAITING_STOCK"));
            assertThat(TestEvents.await(events, orderId, "StockShortage", 2, Duration.ofSeconds(3)))
                    .as("short of the new item, once")
                    .hasSize(1);
        }
        assertThat(item(small).get("reservedUnits").asInt()).isZero();
        assertThat(page("/api/shipments/shp-" + orderId)
                        .get("lines")
                        .get(0)
                        .get("sku")
                        .asString())
                .isEqualTo(large);

        adjust(large, Map.of("delta", 1, "reason", "received")).expectStatus().isOk();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(orderId)).isEqualTo("READY"));
    }

    @Test
    void anAdjustmentRetriedWithTheSameIdempotencyKeyIsMadeOnce() {
        String sku = sku();
        put(sku, Map.of("onHand", 10)).expectStatus().isOk();

        for (int attempt = 0; attempt < 2; attempt++) {
            http.post()
                    .uri("/api/stock/{store}/{sku}/adjustments", STORE, sku)
                    .header(HttpHeaders.AUTHORIZATION, WAREHOUSE)
                    .header("Idempotency-Key", "delivery-" + sku)
                    .bodyValue(Map.of("delta", 5, "reason", "received"))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.onHand")
                    .isEqualTo(15);
        }
        http.post()
                .uri("/api/stock/{store}/{sku}/adjustments", STORE, sku)
                .header(HttpHeaders.AUTHORIZATION, WAREHOUSE)
                .header("Idempotency-Key", "x".repeat(101))
                .bodyValue(Map.of("delta", 5))
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        assertThat(onHand(sku)).isEqualTo(15);
    }

    @Test
    void aFileLargerThanTheImportLimitIsRefusedWholeWithA413() {
        String sku = sku();
        StringBuilder csv = new StringBuilder("sku,delta,reason\n");
        while (csv.length() <= 1024 * 1024) {
            csv.append(sku).append(",1,").append("x".repeat(100)).append('\n');
        }

        http.post()
                .uri("/api/stock/{store}/imports", STORE)
                .header(HttpHeaders.AUTHORIZATION, WAREHOUSE)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(
                        file("large.csv", csv.toString().getBytes(StandardCharsets.UTF_8))))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:stock-file-too-large");
        http.get()
                .uri("/api/stock/{store}/{sku}", STORE, sku)
                .header(HttpHeaders.AUTHORIZATION, WAREHOUSE)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    /** The store's value of a counter on the service's Prometheus endpoint. */
    private double counter(String name) {
        return Scrapes.value(http, name, "store=\"" + STORE + "\"");
    }

    private String status(String orderId) {
        return page("/api/shipments/shp-" + orderId).get("status").asString();
    }

    /** A paid order of {@code sku}, one line per quantity given. */
    private static OrderPaid paid(String orderId, String sku, int... quantities) {
        return PaidOrders.paid(
                orderId,
                Instant.now(),
                Arrays.stream(quantities)
                        .mapToObj(quantity -> new OrderLine(sku, "Tea", quantity, new Money(12800, "CNY")))
                        .toList(),
                List.of());
    }

    private JsonNode upload(String name, byte[] content) {
        return http.post()
                .uri("/api/stock/{store}/imports", STORE)
                .header(HttpHeaders.AUTHORIZATION, WAREHOUSE)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file(name, content)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static MultiValueMap<String, HttpEntity<?>> file(String name, byte[] content) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return parts.build();
    }

    private static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("stock");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (r > 0 && value.matches("-?\\d+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(value)); // numbers as Excel stores them
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    private int onHand(String sku) {
        return item(sku).get("onHand").asInt();
    }

    private String reasonOfLastMovement(String sku) {
        JsonNode movements = item(sku).get("movements");
        return movements.get(movements.size() - 1).get("reason").asString();
    }

    private JsonNode item(String sku) {
        return staff().stock(STORE, sku);
    }

    private JsonNode page(String uri) {
        return staff().read(uri);
    }

    private WebTestClient.ResponseSpec put(String sku, Map<String, ?> count) {
        return staff().count(STORE, sku, count);
    }

    private WebTestClient.ResponseSpec put(String sku, Map<String, ?> count, String bearer) {
        return staff().as(bearer).count(STORE, sku, count);
    }

    private WebTestClient.ResponseSpec adjust(String sku, Map<String, ?> adjustment) {
        return staff().adjust(STORE, sku, adjustment);
    }

    private StaffCalls staff() {
        return new StaffCalls(http, WAREHOUSE);
    }

    private static String sku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

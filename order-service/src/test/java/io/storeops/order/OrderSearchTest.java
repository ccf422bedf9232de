package io.storeops.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.SignedWebhooks;
import io.storeops.platform.test.TestTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search and export over orders made for this class alone: they share a SKU no other test uses,
 * so other tests' orders in the same store never change what these assertions see.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderSearchTest {

    private static final String STORE = "tmall-flagship";
    private static final String CS = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String sku = "S-" + run;
    /** Order numbers by what makes them special. */
    private final Map<String, String> orders = new LinkedHashMap<>();

    @Autowired
    WebTestClient http;

    @BeforeAll
    void someOrdersOfOneStore() {
        place("plain-1", "2026-11-28T02:11:30Z", Map.of());
        place("plain-2", "2026-11-28T02:11:30Z", Map.of());
        place(
                "with-note",
                "2026-11-28T02:11:30Z",
                Map.of(
                        "\"requestedCarrier\":\"SF\",",
                        "\"requestedCarrier\":\"SF\",\"buyerNote\":\"=HYPERLINK(\\\"http://x\\\"), please wrap\","));
        place("late-evening", "2026-11-27T15:00:00Z", Map.of());
        place(
                "after-midnight",
                "2026-11-27T17:00:00Z",
                Map.of(
                        "\"requestedCarrier\":\"SF\"",
                        "\"requestedCarrier\":\"YTO\"",
                        "\"lines\"",
                        "\"buyer\":{\"name\":\"Zhang  Wei " + run + "\",\"email\":\"zw." + run
                                + "@Example.com\"},\"lines\""));
    }

    @Test
    void pagesFollowTheCursorNewestFirstWithoutGapsOrRepeatsEvenWhenOrdersArriveMeanwhile() {
        List<String> seen = new ArrayList<>();
        JsonNode page = search("sku=" + sku + "&limit=2");
        seen.addAll(ids(page));
        place("arrived-meanwhile", "2026-11-28T03:00:00Z", Map.of());
        while (!page.get("nextCursor").isNull()) {
            assertThat(page.get("orders")).hasSize(2);
            page = search(
                    "sku=" + sku + "&limit=2&cursor=" + page.get("nextCursor").asString());
            seen.addAll(ids(page));
        }

        List<String> sameTime = List.of(id("plain-1"), id("plain-2"), id("with-note")).stream()
                .sorted(Comparator.reverseOrder())
                .toList();
        assertThat(seen)
                .containsExactly(
                        sameTime.get(0), sameTime.get(1), sameTime.get(2), id("after-midnight"), id("late-evening"));
        assertThat(ids(search("sku=" + sku + "&limit=500"))).first().isEqualTo(id("arrived-meanwhile"));
    }

    @Test
    void filtersCombineAndCompareValuesNeverOperators() {
        assertThat(ids(search("sku=" + sku + "&hasBuyerNote=true"))).containsExactly(id("with-note"));
        assertThat(ids(search("sku=" + sku + "&holdReason=BUYER_NOTE"))).containsExactly(id("with-note"));
        assertThat(ids(search("sku=" + sku + "&status=ON_HOLD"))).containsExactly(id("with-note"));
        assertThat(ids(search("sku=" + sku + "&status=PAID&hasBuyerNote=false")))
                .doesNotContain(id("with-note"))
                .contains(id("plain-1"), id("plain-2"), id("late-evening"), id("after-midnight"));
        assertThat(ids(search("sku=" + sku + "&carrier=YTO"))).containsExactly(id("after-midnight"));
        assertThat(ids(search("buyer=" + "zhang wei " + run))).containsExactly(id("after-midnight"));
        assertThat(ids(search("buyer=" + "ZW." + run + "@example.com"))).containsExactly(id("after-midnight"));
        assertThat(ids(search("sku=" + sku + "&buyer=" + "138-0013-8000")))
                .contains(id("plain-1"), id("plain-2"), id("with-note"), id("late-evening"), id("after-midnight"));
        assertThat(ids(search("sku=" + sku + "&status=ON_HOLD,PAID"))).contains(id("with-note"), id("plain-1"));
        assertThat(ids(search("sku=" + sku + "&buyer=" + "zhang")))
                .as("a surname")
                .containsExactly(id("after-midnight"));
        assertThat(ids(search("buyer=" + "zw." + run)))
                .as("the part of the e-mail before the @")
                .containsExactly(id("after-midnight"));
        assertThat(ids(search("sku=" + sku + "&buyer=" + "8000")))
                .as("the phone's last four digits")
                .contains(id("plain-1"), id("plain-2"), id("with-note"), id("late-evening"), id("after-midnight"));
        assertThat(ids(search("sku=" + "{\"$gt\": \"\"}"))).isEmpty();
        assertThat(ids(search("sku=" + sku + "&buyer=" + "{\"$ne\": null}"))).isEmpty();
    }

    @Test
    void thePaidDateRangeIsInTheStoresTimeZone() {
        // Asia/Shanghai: 2026-11-27T17:00Z is 01:00 on the 28th there; 15:00Z is still the 27th.
        assertThat(ids(search("sku=" + sku + "&paidFrom=2026-11-28&paidTo=2026-11-28")))
                .contains(id("after-midnight"))
                .doesNotContain(id("late-evening"));
        assertThat(ids(search("sku=" + sku + "&paidTo=2026-11-27"))).containsExactly(id("late-evening"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "status=SHIPPEDX|invalid-search",
                "paidFrom=yesterday|invalid-search",
                "paidFrom=2026-11-28&paidTo=2026-11-01|invalid-search",
                "hasBuyerNote=maybe|invalid-search",
                "holdReason=ANGRY|invalid-search",
                "limit=0|invalid-limit",
                "limit=100000|invalid-limit",
                "limit=ten|invalid-limit",
                "cursor=bm90IG91cnM|invalid-cursor",
                "cursor=%%%|invalid-cursor"
            })
    void aBadFilterIsA400NamingIt(String query, String problem) {
        http.get()
                .uri(withStore("/api/orders", query))
                .header(HttpHeaders.AUTHORIZATION, CS)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:" + problem);
    }

    @Test
    void theStoreIsRequired() {
        http.get()
                .uri("/api/orders?sku=" + sku)
                .header(HttpHeaders.AUTHORIZATION, CS)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("storeId is required.");
    }

    @Test
    void theExportIsTheSameSearchAsASpreadsheetReadyCsvFile() {
        WebTestClient.ResponseSpec response = http.get()
                .uri(withStore("/api/orders/export", "sku=" + sku))
                .header(HttpHeaders.AUTHORIZATION, CS)
                .exchange()
                .expectStatus()
                .isOk();
        response.expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition ->
                                assertThat(disposition).startsWith("attachment").contains("orders-tmall-flagship-"));
        String csv =
                new String(response.expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);

        assertThat(csv)
                .startsWith("\uFEFForder_id,storefront_order,status,placed_at,paid_at,currency,total,")
                .contains(",recipient,recipient_phone,address,items,item_titles,");
        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows)
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(row -> assertThat(row).contains(sku + " × 1"));
        assertThat(rows)
                .filteredOn(row -> row.startsWith(id("with-note") + ","))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .contains(",ON_HOLD,2026-11-28 10:11:30,2026-11-28 10:11:30,CNY,295.00,0.00,")
                        .contains("\"'=HYPERLINK(\"\"http://x\"\"), please wrap\"")
                        .as("what the warehouse and couriers need: phone, address, item titles")
                        .contains(",13800138000,\"文三路 90 号, 西湖区, 杭州市, 浙江省, 310012, CN\",")
                        .contains("西湖龙井 250g × 2; 玻璃杯 × 1"));
        http.get()
                .uri(withStore("/api/orders/export", ""))
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("wh", StaffRole.WAREHOUSE, STORE))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private void place(String name, String paidAt, Map<String, String> replacements) {
        String number = name + "-" + run;
        String body = TestOrders.nativeOrder(number).replace("CUP-GL-01", sku).replace("2026-11-28T02:11:30Z", paidAt);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            body = body.replace(replacement.getKey(), replacement.getValue());
        }
        SignedWebhooks.storefront(
                        http, STORE, "order.paid", UUID.randomUUID().toString(), body, "test-storefront-secret")
                .expectStatus()
                .isOk();
        orders.put(name, STORE + ":" + number);
    }

    private String id(String name) {
        return orders.get(name);
    }

    private JsonNode search(String query) {
        byte[] body = http.get()
                .uri(withStore("/api/orders", query))
                .header(HttpHeaders.AUTHORIZATION, CS)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }

    /**
     * The path with the store and the parameters of {@code query} ("name=value&..."), each value sent
     * exactly as written: encoded as a value, never read as a URI template or as encoded already.
     */
    private static Function<UriBuilder, URI> withStore(String path, String query) {
        return builder -> {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("storeId", STORE);
            for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(parts[0], parts[1]);
            }
            values.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
            return builder.path(path).build(values);
        };
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("orders").forEach(order -> ids.add(order.get("orderId").asString()));
        return ids;
    }
}

package io.storeops.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestTokens;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.AfterSalePolicy;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.CaseLine;
import io.storeops.refund.cases.CaseType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Bad requests to the after-sale desk, each answered with its problem (status and type) and
 * changing nothing: the order's after-sale file is stored the same before and after.
 */
@ServiceTest
class BadInputTest {

    private static final String STORE = "tmall-flagship";
    /** A person who works both desks: customer service opened the case, so as a supervisor she may not decide it. */
    private static final String BOTH_HATS = "li.both";

    @Autowired
    WebTestClient http;

    @Autowired
    AfterSales files;

    /** The order and case a bad request is tried on. */
    record Fixture(String orderId, String caseId) {}

    /** After an attempt's route: the Idempotency-Key header it sends (the rest of the route). */
    private static final String KEY = "?key=";

    /** A bad request: who sends it, how, where (with {order} and {case} filled in) and with what body. */
    record Attempt(String bearer, HttpMethod method, String uri, Object body) {}

    /** @param approvedFirst whether the fixture's case is approved before the attempt */
    record Case(String name, int status, String type, Function<Fixture, Attempt> attempt, boolean approvedFirst) {

        Case(String name, int status, String type, Function<Fixture, Attempt> attempt) {
            this(name, status, type, attempt, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static String cs(String store) {
        return TestTokens.bearer("cs.wang", StaffRole.CS_AFTERSALE, store);
    }

    private static String supervisor(String name) {
        return TestTokens.bearer(name, StaffRole.SUPERVISOR, STORE);
    }

    private static Attempt entry(Fixture fixture, Map<String, Object> changes) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "orderId",
                fixture.orderId(),
                "type",
                "REFUND_ONLY",
                "reason",
                "late",
                "lines",
                List.of(Map.of("lineIndex", 0, "amountMinor", 100))));
        body.putAll(changes);
        return new Attempt(cs(STORE), HttpMethod.POST, "/api/refunds", body);
    }

    private static Attempt step(String bearer, Fixture fixture, String step, Object body) {
        return new Attempt(bearer, HttpMethod.POST, "/api/refunds/" + fixture.caseId() + "/" + step, body);
    }

    static Stream<Case> badInputs() {
        return Stream.of(
                new Case(
                        "more than is left on the line",
                        422,
                        "invalid-payload",
                        f -> entry(f, Map.of("lines", List.of(Map.of("lineIndex", 0, "amountMinor", 7001))))),
                new Case(
                        "a negative amount",
                        422,
                        "invalid-payload",
                        f -> entry(f, Map.of("lines", List.of(Map.of("lineIndex", 0, "amountMinor", -1))))),
                new Case(
                        "more units than the line has",
                        422,
                        "invalid-payload",
                        f -> entry(
                                f,
                                Map.of("lines", List.of(Map.of("lineIndex", 0, "quantity", 3, "amountMinor", 100))))),
                new Case(
                        "a line the order does not have",
                        422,
                        "invalid-payload",
                        f -> entry(f, Map.of("lines", List.of(Map.of("lineIndex", 5, "amountMinor", 100))))),
                new Case(
                        "shipping that was never paid",
                        422,
                        "invalid-payload",
                        f -> entry(f, Map.of("shippingMinor", 1))),
                new Case("no type", 422, "invalid-payload", f -> entry(f, Map.of("type", ""))),
                new Case(
                        "an exchange of goods that never left",
                        422,
                        "invalid-payload",
                        f -> entry(
                                f,
                                Map.of(
                                        "type",
                                        "EXCHANGE",
                                        "lines",
                                        List.of(Map.of("lineIndex", 0, "quantity", 1, "amountMinor", 0))))),
                new Case("no reason", 422, "invalid-payload", f -> entry(f, Map.of("reason", " "))),
                new Case(
                        "an order never paid",
                        404,
                        "not-found",
                        f -> entry(f, Map.of("orderId", STORE + ":NO-SUCH-ORDER"))),
                new Case(
                        "another store's order",
                        404,
                        "not-found",
                        f -> new Attempt(
                                cs("shopify-us"),
                                HttpMethod.POST,
                                "/api/refunds",
                                entry(f, Map.of()).body())),
                new Case(
                        "an Idempotency-Key that cannot be one",
                        422,
                        "invalid-payload",
                        f -> new Attempt(
                                cs(STORE),
                                HttpMethod.POST,
                                "/api/refunds" + KEY + "no spaces allowed",
                                entry(f, Map.of()).body())),
                new Case(
                        "an Idempotency-Key used again for another entry",
                        409,
                        "idempotency-key-reused",
                        f -> new Attempt(
                                cs(STORE),
                                HttpMethod.POST,
                                "/api/refunds" + KEY + f.caseId().substring("rf-".length()),
                                entry(f, Map.of()).body())),
                new Case(
                        "a body that is not JSON",
                        400,
                        "malformed-json",
                        f -> new Attempt(cs(STORE), HttpMethod.POST, "/api/refunds", "{\"orderId\": ")),
                new Case(
                        "a decision by who opened the case",
                        403,
                        "four-eyes",
                        f -> step(supervisor(BOTH_HATS), f, "approval", Map.of())),
                new Case(
                        "a second approval of an approved case",
                        409,
                        "case-state",
                        f -> step(supervisor("sup.zhou"), f, "approval", Map.of()),
                        true),
                new Case(
                        "settling a return never approved",
                        409,
                        "case-state",
                        f -> step(
                                supervisor("sup.chen"),
                                f,
                                "settlement",
                                Map.of("lines", List.of(Map.of("lineIndex", 0, "amountMinor", 100)), "note", "early"))),
                new Case(
                        "a rejection without a reason",
                        422,
                        "invalid-payload",
                        f -> step(supervisor("sup.chen"), f, "rejection", Map.of())),
                new Case(
                        "closing for good a case never rejected",
                        409,
                        "case-state",
                        f -> step(supervisor("sup.chen"), f, "closure", Map.of("note", "no"))),
                new Case(
                        "a return parcel for a case not approved",
                        409,
                        "case-state",
                        f -> step(cs(STORE), f, "return-parcel", Map.of("trackingNumber", "SF1"))),
                new Case(
                        "a return parcel without a tracking number",
                        422,
                        "invalid-payload",
                        f -> step(cs(STORE), f, "return-parcel", Map.of("trackingNumber", ""))),
                new Case(
                        "a revision asking more than was paid",
                        422,
                        "invalid-payload",
                        f -> step(
                                cs(STORE),
                                f,
                                "revision",
                                Map.of("lines", List.of(Map.of("lineIndex", 0, "amountMinor", 99999))))),
                new Case(
                        "a case of another store",
                        404,
                        "not-found",
                        f -> step(
                                TestTokens.bearer("sup.us", StaffRole.SUPERVISOR, "shopify-us"),
                                f,
                                "approval",
                                Map.of())),
                new Case(
                        "a payment confirmed by hand where the gateway pays",
                        409,
                        "case-state",
                        f -> step(cs(STORE), f, "payment", Map.of("reference", "TB-1"))),
                new Case(
                        "a contact without a channel",
                        422,
                        "invalid-payload",
                        f -> step(cs(STORE), f, "contacts", Map.of("offered", "half"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isAProblemAndChangesNothing(Case bad) {
        Fixture fixture = requestedCase();
        if (bad.approvedFirst()) {
            files.change(
                            fixture.orderId(),
                            file -> file.approve(
                                    fixture.caseId(), "sup.chen", false, null, Instant.now(), AfterSalePolicy.NONE))
                    .block();
            // the tests' stores pay through the simulated gateway: the file settles once it paid
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> files.find(fixture.orderId()).block().payoutDueAt() == null);
        }
        Attempt attempt = bad.attempt().apply(fixture);
        AfterSale before = files.find(fixture.orderId()).block();

        WebTestClient.RequestBodySpec request = http.method(attempt.method())
                .uri(attempt.uri().replaceFirst("\\?key=.*", ""))
                .header(HttpHeaders.AUTHORIZATION, attempt.bearer())
                .contentType(MediaType.APPLICATION_JSON);
        if (attempt.uri().contains(KEY)) {
            request.header(
                    "Idempotency-Key", attempt.uri().substring(attempt.uri().indexOf(KEY) + KEY.length()));
        }
        JsonNode problem = request.bodyValue(attempt.body())
                .exchange()
                .expectStatus()
                .isEqualTo(bad.status())
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(problem.get("type").asString()).isEqualTo("urn:storeops:problem:" + bad.type());
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(files.find(fixture.orderId()).block())
                .as("the order's after-sale file, cases and all, is as it was")
                .isEqualTo(before);
    }

    /** A paid order of two teas (7,000 each line) and its refund-only case, opened by {@link #BOTH_HATS}. */
    private Fixture requestedCase() {
        String orderId = STORE + ":B" + UUID.randomUUID();
        String caseId = "rf-bad-" + UUID.randomUUID();
        files.orderPaid(
                        new OrderPaid(
                                orderId,
                                STORE,
                                "storefront",
                                orderId.substring(orderId.indexOf(':') + 1),
                                List.of(new OrderLine("TEA-LJ-250", "西湖龙井 250g", 2, new Money(3500, "CNY"))),
                                Money.zero("CNY"),
                                new Money(7000, "CNY"),
                                Instant.now(),
                                null,
                                null,
                                null,
                                List.of(),
                                null),
                        new ConsumedEvent("order-service/" + orderId, 1))
                .block();
        files.change(
                        orderId,
                        file -> file.request(
                                new AfterSale.Request(
                                        caseId,
                                        CaseType.REFUND_ONLY,
                                        "arrived late",
                                        false,
                                        List.of(new CaseLine(0, 0, 1000)),
                                        0,
                                        List.of(),
                                        AfterSale.CUSTOMER_SERVICE),
                                BOTH_HATS,
                                Instant.now(),
                                AfterSalePolicy.NONE))
                .block();
        return new Fixture(orderId, caseId);
    }
}

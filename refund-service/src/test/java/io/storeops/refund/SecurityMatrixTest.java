package io.storeops.refund;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.RoleMatrix;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestTokens;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.AfterSalePolicy;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.CaseLine;
import io.storeops.refund.cases.CaseType;
import io.storeops.refund.complaints.Complaint;
import io.storeops.refund.complaints.ComplaintCategory;
import io.storeops.refund.complaints.Complaints;
import io.storeops.refund.complaints.ContactChannel;
import io.storeops.refund.complaints.Review;
import io.storeops.refund.complaints.Reviews;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every staff route of refund-service against every role, no token, and a token for another
 * store: only the route's roles get through (to an answer of the desk's own: a case in a state
 * that refuses the step is a 409, never a 403); another store's order or case is not found, and
 * its refund sheet or queue, asked for by store, is forbidden.
 */
@ServiceTest
class SecurityMatrixTest {

    private static final String STORE = "tmall-flagship";
    private static final Set<StaffRole> READERS =
            EnumSet.of(StaffRole.CS_AFTERSALE, StaffRole.SUPERVISOR, StaffRole.MANAGER, StaffRole.STORE_MANAGER);
    private static final Set<StaffRole> CUSTOMER_SERVICE = EnumSet.of(StaffRole.CS_AFTERSALE);
    private static final Set<StaffRole> DECIDERS = EnumSet.of(StaffRole.SUPERVISOR, StaffRole.MANAGER);
    /** Who opens and rejects the fixtures' cases: never the caller, so that four-eyes does not answer first. */
    private static final String FIXTURE = "fixture";

    @Autowired
    WebTestClient http;

    @Autowired
    AfterSales files;

    @Autowired
    Complaints complaints;

    @Autowired
    Reviews reviews;

    /** The state a route needs its case in. */
    enum Fixture {
        ORDER,
        REQUESTED,
        REJECTED,
        AWAITING_RETURN,
        /** An open complaint about the order; {case} is its id. */
        COMPLAINT,
        /** A low review of the order, in the queue; {case} is its id. */
        REVIEW
    }

    /** A staff route: method, path ({order} or {case} filled per call), body, the roles it admits, its case. */
    record Route(String name, HttpMethod method, String path, Object body, Set<StaffRole> roles, Fixture fixture)
            implements RoleMatrix.Route {

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("ledger", HttpMethod.GET, "/api/refund-ledgers/{order}", null, READERS, Fixture.ORDER),
            new Route(
                    "refund sheet",
                    HttpMethod.GET,
                    "/api/refund-sheets?storeId=" + STORE + "&from=2026-11-01&to=2026-11-30",
                    null,
                    READERS,
                    Fixture.ORDER),
            new Route(
                    "due soon",
                    HttpMethod.GET,
                    "/api/refund-queues/due-soon?storeId=" + STORE,
                    null,
                    READERS,
                    Fixture.ORDER),
            new Route("case search", HttpMethod.GET, "/api/refunds?storeId=" + STORE, null, READERS, Fixture.ORDER),
            // the query names the store, as other store-scoped routes do, for the matrix's forbidden-store rule
            new Route(
                    "store terms",
                    HttpMethod.GET,
                    "/api/after-sale-desk/terms/" + STORE + "?storeId=" + STORE,
                    null,
                    READERS,
                    Fixture.ORDER),
            new Route("one case", HttpMethod.GET, "/api/refunds/{case}", null, READERS, Fixture.REQUESTED),
            new Route(
                    "entry",
                    HttpMethod.POST,
                    "/api/refunds",
                    Map.of(
                            "orderId",
                            "{order}",
                            "type",
                            "REFUND_ONLY",
                            "reason",
                            "late",
                            "lines",
                            List.of(Map.of("lineIndex", 0, "amountMinor", 100))),
                    CUSTOMER_SERVICE,
                    Fixture.ORDER),
            new Route(
                    "contact",
                    HttpMethod.POST,
                    "/api/refunds/{case}/contacts",
                    Map.of("channel", "PHONE", "offered", "half", "buyerAnswer", "thinks"),
                    CUSTOMER_SERVICE,
                    Fixture.REJECTED),
            new Route(
                    "revision",
                    HttpMethod.POST,
                    "/api/refunds/{case}/revision",
                    Map.of("lines", List.of(Map.of("lineIndex", 0, "amountMinor", 50))),
                    CUSTOMER_SERVICE,
                    Fixture.REQUESTED),
            new Route(
                    "withdrawal",
                    HttpMethod.POST,
                    "/api/refunds/{case}/withdrawal",
                    null,
                    CUSTOMER_SERVICE,
                    Fixture.REQUESTED),
            new Route(
                    "return parcel",
                    HttpMethod.POST,
                    "/api/refunds/{case}/return-parcel",
                    Map.of("trackingNumber", "SF1234567890123"),
                    CUSTOMER_SERVICE,
                    Fixture.AWAITING_RETURN),
            new Route(
                    "payment by hand",
                    HttpMethod.POST,
                    "/api/refunds/{case}/payment",
                    Map.of("reference", "TB-1"),
                    CUSTOMER_SERVICE,
                    Fixture.REQUESTED),
            new Route(
                    "approval", HttpMethod.POST, "/api/refunds/{case}/approval", Map.of(), DECIDERS, Fixture.REQUESTED),
            new Route(
                    "rejection",
                    HttpMethod.POST,
                    "/api/refunds/{case}/rejection",
                    Map.of("note", "photos first"),
                    DECIDERS,
                    Fixture.REQUESTED),
            new Route(
                    "settlement",
                    HttpMethod.POST,
                    "/api/refunds/{case}/settlement",
                    Map.of(
                            "lines",
                            List.of(Map.of("lineIndex", 0, "quantity", 1, "amountMinor", 6400)),
                            "note",
                            "half of it came back"),
                    DECIDERS,
                    Fixture.AWAITING_RETURN),
            new Route(
                    "payout retry",
                    HttpMethod.POST,
                    "/api/refunds/{case}/payout-retry",
                    Map.of("note", "the shop's token is renewed"),
                    DECIDERS,
                    Fixture.REQUESTED),
            new Route(
                    "closure",
                    HttpMethod.POST,
                    "/api/refunds/{case}/closure",
                    Map.of("note", "for good"),
                    DECIDERS,
                    Fixture.REJECTED),
            new Route(
                    "the desk: actions and queues",
                    HttpMethod.GET,
                    "/api/after-sale-desk",
                    null,
                    EnumSet.allOf(StaffRole.class),
                    Fixture.ORDER),
            new Route(
                    "complaint search",
                    HttpMethod.GET,
                    "/api/complaints?storeId=" + STORE,
                    null,
                    READERS,
                    Fixture.ORDER),
            new Route("one complaint", HttpMethod.GET, "/api/complaints/{case}", null, READERS, Fixture.COMPLAINT),
            new Route(
                    "complaint entry",
                    HttpMethod.POST,
                    "/api/complaints",
                    Map.of("orderId", "{order}", "channel", "PHONE", "category", "SERVICE", "description", "rude"),
                    CUSTOMER_SERVICE,
                    Fixture.ORDER),
            new Route(
                    "complaint contact",
                    HttpMethod.POST,
                    "/api/complaints/{case}/contacts",
                    Map.of("channel", "CHAT", "offered", "sorry"),
                    CUSTOMER_SERVICE,
                    Fixture.COMPLAINT),
            new Route(
                    "complaint resolution",
                    HttpMethod.POST,
                    "/api/complaints/{case}/resolution",
                    Map.of("outcome", "APOLOGY", "note", "sorry"),
                    CUSTOMER_SERVICE,
                    Fixture.COMPLAINT),
            new Route(
                    "complaint withdrawal",
                    HttpMethod.POST,
                    "/api/complaints/{case}/withdrawal",
                    null,
                    CUSTOMER_SERVICE,
                    Fixture.COMPLAINT),
            new Route(
                    "review queue",
                    HttpMethod.GET,
                    "/api/reviews?storeId=" + STORE + "&state=NEW",
                    null,
                    READERS,
                    Fixture.ORDER),
            new Route("one review", HttpMethod.GET, "/api/reviews/{case}", null, READERS, Fixture.REVIEW),
            new Route(
                    "review contact",
                    HttpMethod.POST,
                    "/api/reviews/{case}/contacts",
                    Map.of("channel", "CHAT", "offered", "sorry"),
                    CUSTOMER_SERVICE,
                    Fixture.REVIEW),
            new Route(
                    "review reply",
                    HttpMethod.POST,
                    "/api/reviews/{case}/reply",
                    Map.of("reply", "亲，非常抱歉"),
                    CUSTOMER_SERVICE,
                    Fixture.REVIEW));

    static List<Arguments> everyRouteAndRole() {
        return RoleMatrix.everyRoleFor(ROUTES);
    }

    static List<Route> routes() {
        return ROUTES;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAndRole")
    void onlyTheRoutesRolesGetThrough(Route route, StaffRole role) {
        int status = call(route, TestTokens.bearer("someone", role, STORE))
                .returnResult(String.class)
                .getStatus()
                .value();
        // the payment by hand got through to the desk, which pays through the tests' gateway instead; a payout
        // retry got through to a case whose payout was never refused
        RoleMatrix.assertOnlyAdmitted(route.roles(), role, status == 409 ? 200 : status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void noTokenIsUnauthorized(Route route) {
        call(route, null).expectStatus().isUnauthorized();
    }

    /** The routes about a store's orders, cases and lists: all but the desk, which shows the caller's own stores. */
    static List<Route> storeScopedRoutes() {
        return ROUTES.stream()
                .filter(route -> !route.path().equals("/api/after-sale-desk"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storeScopedRoutes")
    void anotherStoresStaffCannotReachItsOrdersOrCases(Route route) {
        StaffRole admitted = route.roles().iterator().next();

        int status = call(route, TestTokens.bearer("elsewhere", admitted, "shopify-us"))
                .returnResult(String.class)
                .getStatus()
                .value();

        assertThat(status)
                .as("another store's order or case is not found; another store's sheet or queue is forbidden")
                .isEqualTo(route.path().contains("storeId=") ? 403 : 404);
    }

    private WebTestClient.ResponseSpec call(Route route, String bearer) {
        String orderId = paidOrder();
        String caseId = route.fixture() == Fixture.ORDER ? null : caseIn(orderId, route.fixture());
        String path = route.path().replace("{order}", orderId).replace("{case}", String.valueOf(caseId));
        WebTestClient.RequestBodySpec request = http.method(route.method()).uri(path);
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        Object body = route.body() instanceof Map<?, ?> map && "{order}".equals(map.get("orderId"))
                ? withOrder(map, orderId)
                : route.body();
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    private static Map<String, Object> withOrder(Map<?, ?> body, String orderId) {
        Map<String, Object> filled = new LinkedHashMap<>();
        body.forEach((key, value) -> filled.put((String) key, "orderId".equals(key) ? orderId : value));
        return filled;
    }

    /** A paid order's file, written as the consumer of OrderPaid writes it. */
    private String paidOrder() {
        String orderId = STORE + ":M" + UUID.randomUUID();
        files.orderPaid(
                        new OrderPaid(
                                orderId,
                                STORE,
                                "storefront",
                                orderId.substring(orderId.indexOf(':') + 1),
                                List.of(new OrderLine("TEA-LJ-250", "西湖龙井 250g", 1, new Money(12800, "CNY"))),
                                Money.zero("CNY"),
                                new Money(12800, "CNY"),
                                Instant.now(),
                                null,
                                null,
                                null,
                                List.of(),
                                null),
                        new ConsumedEvent("order-service/" + orderId, 1))
                .block();
        return orderId;
    }

    /** A case of the order in the state the route needs, opened (and decided) by the fixture's staff. */
    private String caseIn(String orderId, Fixture state) {
        if (state == Fixture.COMPLAINT) {
            return complaintAbout(orderId);
        }
        if (state == Fixture.REVIEW) {
            return lowReviewOf(orderId);
        }
        String caseId = "rf-m-" + UUID.randomUUID();
        CaseType type = state == Fixture.AWAITING_RETURN ? CaseType.RETURN_AND_REFUND : CaseType.REFUND_ONLY;
        UnaryOperator<AfterSale> then = switch (state) {
            case REJECTED ->
                file -> file.reject(caseId, "sup.fixture", "photos first", Instant.now())
                        .state();
            case AWAITING_RETURN ->
                file -> file.approve(caseId, "sup.fixture", false, null, Instant.now(), AfterSalePolicy.NONE)
                        .state();
            default -> UnaryOperator.identity();
        };
        files.change(orderId, file -> {
                    AfterSale opened = file.request(
                                    new AfterSale.Request(
                                            caseId,
                                            type,
                                            "cracked",
                                            true,
                                            List.of(new CaseLine(0, 1, 12800)),
                                            0,
                                            List.of(),
                                            "CS"),
                                    FIXTURE,
                                    Instant.now(),
                                    AfterSalePolicy.NONE)
                            .state();
                    return Change.of(then.apply(opened));
                })
                .block();
        return caseId;
    }

    /** An open complaint about the order, taken by the fixture's staff. */
    private String complaintAbout(String orderId) {
        String complaintId = "cp-m-" + UUID.randomUUID();
        complaints
                .open(
                        complaintId,
                        files.find(orderId).block(),
                        new Complaint.Opening(orderId, ContactChannel.PHONE, ComplaintCategory.LOGISTICS, "late", "茶友"),
                        FIXTURE,
                        Instant.now())
                .block();
        return complaintId;
    }

    /** A one-star review of the order, as the storefront posts it. */
    private String lowReviewOf(String orderId) {
        String reviewId = "RV-M-" + UUID.randomUUID();
        reviews.received(
                        STORE,
                        new Review.Posted(
                                reviewId, orderId.substring(orderId.indexOf(':') + 1), "茶友", 1, "cracked", null, null))
                .block();
        return Review.idOf(STORE, reviewId);
    }
}

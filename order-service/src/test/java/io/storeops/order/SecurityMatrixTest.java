package io.storeops.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.stockout.StockOutFollowUp;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.RoleMatrix;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestTokens;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every staff route of order-service against every role, no token, and a token for another store:
 * only the route's roles get through, other stores' orders are not found, and who acted is the token's.
 */
@ServiceTest
class SecurityMatrixTest {

    private static final String STORE = "tmall-flagship";
    private static final Map<String, String> ADDRESS = Map.of(
            "name",
            "王芳",
            "phone",
            "13800138000",
            "country",
            "CN",
            "city",
            "杭州市",
            "line1",
            "文三路 90 号 5 幢 302",
            "postalCode",
            "310012");

    /**
     * A staff route: method, path (with {order} for the order id), body, the roles it admits, and
     * whether the order needs an open stock-out notice for the route to succeed.
     */
    record Route(String name, HttpMethod method, String path, Object body, Set<StaffRole> roles, boolean needsStockOut)
            implements RoleMatrix.Route {

        Route(String name, HttpMethod method, String path, Object body, Set<StaffRole> roles) {
            this(name, method, path, body, roles, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<StaffRole> READERS = EnumSet.of(
            StaffRole.MANAGER,
            StaffRole.STORE_MANAGER,
            StaffRole.SUPERVISOR,
            StaffRole.CS_PRESALE,
            StaffRole.CS_AFTERSALE,
            StaffRole.ORDER_CLERK,
            StaffRole.WAREHOUSE);

    static final List<Route> ROUTES = List.of(
            new Route("read an order", HttpMethod.GET, "/api/orders/{order}", null, READERS),
            new Route(
                    "cancel",
                    HttpMethod.POST,
                    "/api/orders/{order}/cancel",
                    Map.of("reason", "ordered twice"),
                    EnumSet.of(StaffRole.CS_AFTERSALE, StaffRole.CS_PRESALE, StaffRole.STORE_MANAGER)),
            new Route(
                    "correct the address",
                    HttpMethod.PUT,
                    "/api/orders/{order}/address",
                    ADDRESS,
                    EnumSet.of(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER)),
            new Route(
                    "write the seller memo",
                    HttpMethod.PUT,
                    "/api/orders/{order}/seller-memo",
                    Map.of("carrier", "SF", "note", "gift wrap"),
                    EnumSet.of(StaffRole.CS_PRESALE, StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER)),
            new Route(
                    "change an item",
                    HttpMethod.PUT,
                    "/api/orders/{order}/lines/0/item",
                    Map.of("sku", "TEA-LJ-500"),
                    EnumSet.of(StaffRole.CS_PRESALE, StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER)),
            new Route(
                    "hold",
                    HttpMethod.POST,
                    "/api/orders/{order}/hold",
                    Map.of("comment", "check stock"),
                    EnumSet.of(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER)),
            new Route(
                    "release",
                    HttpMethod.POST,
                    "/api/orders/{order}/release",
                    Map.of("comment", "checked"),
                    EnumSet.of(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER)),
            new Route(
                    "review queue",
                    HttpMethod.GET,
                    "/api/review-queue?storeId=" + STORE,
                    null,
                    EnumSet.of(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER)),
            new Route("timeline", HttpMethod.GET, "/api/orders/{order}/timeline", null, READERS),
            new Route("search", HttpMethod.GET, "/api/orders?storeId=" + STORE + "&limit=1", null, READERS),
            new Route(
                    "CSV export",
                    HttpMethod.GET,
                    "/api/orders/export?storeId=" + STORE + "&sku=none",
                    null,
                    EnumSet.of(
                            StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.SUPERVISOR, StaffRole.CS_AFTERSALE)),
            new Route(
                    "stock-out queue",
                    HttpMethod.GET,
                    "/api/stock-out-queue?storeId=" + STORE,
                    null,
                    EnumSet.of(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER)),
            new Route(
                    "record a buyer contact",
                    HttpMethod.POST,
                    "/api/orders/{order}/buyer-contacts",
                    Map.of("channel", "PHONE", "outcome", "WAIT"),
                    EnumSet.of(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER),
                    true));

    @Autowired
    WebTestClient http;

    @Autowired
    Orders orders;

    static List<Arguments> everyRouteAndRole() {
        return RoleMatrix.everyRoleFor(ROUTES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAndRole")
    void onlyTheRoutesRolesGetThrough(Route route, StaffRole role) {
        int status = call(route, orderFor(route), TestTokens.bearer("someone", role, STORE))
                .returnResult(String.class)
                .getStatus()
                .value();

        RoleMatrix.assertOnlyAdmitted(route.roles(), role, status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void noTokenIsUnauthorized(Route route) {
        call(route, orderFor(route), null)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:authentication-required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anotherStoresStaffCannotReachTheOrder(Route route) {
        StaffRole admitted = route.roles().iterator().next();
        int status = call(route, orderFor(route), TestTokens.bearer("elsewhere", admitted, "shopify-us"))
                .returnResult(String.class)
                .getStatus()
                .value();

        assertThat(status)
                .as("another store's order is not found; another store's list is forbidden")
                .isEqualTo(route.path().contains("{order}") ? 404 : 403);
    }

    @Test
    void whoActedComesFromTheTokenNeverFromTheBody() {
        String orderId = paidOrder();

        http.post()
                .uri("/api/orders/{id}/cancel", orderId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE))
                .bodyValue(Map.of("reason", "ordered twice", "cancelledBy", "the-boss", "by", "the-boss"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cancellation.cancelledBy")
                .isEqualTo("cs.li");
    }

    static List<Route> routes() {
        return ROUTES;
    }

    private WebTestClient.ResponseSpec call(Route route, String orderId, String bearer) {
        var request = http.method(route.method()).uri(route.path().replace("{order}", orderId));
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        return route.body() == null
                ? request.exchange()
                : request.bodyValue(route.body()).exchange();
    }

    private String orderFor(Route route) {
        String orderId = paidOrder();
        if (route.needsStockOut()) {
            orders.onEvent(
                            orderId,
                            new ConsumedEvent("shipments/shp-" + orderId, 1),
                            order -> StockOutFollowUp.shortage(
                                    order,
                                    new StockShortage(
                                            orderId, STORE, "shp-" + orderId, "TEA-LJ-250", 1, Instant.now())))
                    .block();
        }
        return orderId;
    }

    private String paidOrder() {
        return TestOrders.paidNativeOrder(http);
    }
}

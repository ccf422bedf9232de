package io.storeops.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.RoleMatrix;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The order desk route: what a caller may do agrees with what the routes let through, and the queues count. */
@ServiceTest
class OrderDeskTest {

    private static final String STORE = "tmall-flagship";

    /** Each advertised action and the route of the security matrix that performs it. */
    private static final Map<String, String> ROUTE_OF_ACTION = Map.of(
            "LOOK_UP", "read an order",
            "EXPORT", "CSV export",
            "REVIEW", "review queue",
            "CHANGE_ADDRESS", "correct the address",
            "CONTACT_BUYER", "stock-out queue",
            "SELLER_MEMO", "write the seller memo",
            "CHANGE_ITEM", "change an item",
            "CANCEL", "cancel");

    @Autowired
    WebTestClient http;

    @ParameterizedTest
    @EnumSource(StaffRole.class)
    void theActionsADeskOffersAreExactlyThoseTheRoutesAdmit(StaffRole role) {
        JsonNode desk = desk(TestTokens.bearer("someone", role, STORE));

        RoleMatrix.assertDeskOffersWhatTheRoutesAdmit(desk, role, ROUTE_OF_ACTION, SecurityMatrixTest.ROUTES);
    }

    @Test
    void aReviewerSeesTheQueuesOfTheirStoresAndAManualHoldCountsTwice() {
        String reviewer = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE);
        JsonNode before = store(desk(reviewer), STORE);
        assertThat(before.get("currency").asString()).isEqualTo("CNY");
        assertThat(before.get("zone").asString()).isEqualTo("Asia/Shanghai");

        String orderId = TestOrders.paidNativeOrder(http);
        http.post()
                .uri("/api/orders/{id}/hold", orderId)
                .header(HttpHeaders.AUTHORIZATION, reviewer)
                .bodyValue(Map.of("comment", "check the size with the buyer"))
                .exchange()
                .expectStatus()
                .isOk();

        JsonNode after = store(desk(reviewer), STORE);
        assertThat(queue(after, "review")).isEqualTo(queue(before, "review") + 1);
        assertThat(queue(after, "heldByStaff")).isEqualTo(queue(before, "heldByStaff") + 1);
        assertThat(after.get("queues").has("stockOut")).isTrue();
    }

    @Test
    void aRoleWithoutQueuesSeesItsStoresWithoutCountsAndNoStoreOutsideItsToken() {
        JsonNode desk = desk(TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, STORE));

        assertThat(desk.get("stores")).hasSize(1);
        assertThat(store(desk, STORE).get("queues").isEmpty()).isTrue();
        assertThat(texts(desk.get("actions"))).containsExactly("LOOK_UP");
    }

    @Test
    void theReviewQueuePagesOldestFirstWithALinkToTheNextPageAndNeverRepeatsAnOrder() {
        String reviewer = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // paid at the same moment: the id orders them
            String orderId = TestOrders.paidNativeOrder(http);
            http.post()
                    .uri("/api/orders/{id}/hold", orderId)
                    .header(HttpHeaders.AUTHORIZATION, reviewer)
                    .bodyValue(Map.of("comment", "check the size"))
                    .exchange()
                    .expectStatus()
                    .isOk();
            held.add(orderId);
        }

        List<String> seen = new ArrayList<>();
        String page = "/api/review-queue?storeId=" + STORE + "&limit=2";
        int pages = 0;
        while (page != null) {
            var answer = http.get()
                    .uri(page)
                    .header(HttpHeaders.AUTHORIZATION, reviewer)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult();
            answer.getResponseBody()
                    .valueStream()
                    .forEach(order -> seen.add(order.get("orderId").asString()));
            String link = answer.getResponseHeaders().getFirst(HttpHeaders.LINK);
            page = link == null ? null : link.substring(1, link.indexOf('>'));
            pages++;
        }

        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).doesNotHaveDuplicates().containsAll(held);
        assertThat(seen.stream().filter(held::contains).toList())
                .isEqualTo(held.stream().sorted().toList());
    }

    @Test
    void aQueueCursorThatWasNotHandedOutIsABadRequest() {
        String reviewer = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE);
        for (String queue : List.of("/api/review-queue", "/api/stock-out-queue")) {
            http.get()
                    .uri(queue + "?storeId=" + STORE + "&cursor=not-ours")
                    .header(HttpHeaders.AUTHORIZATION, reviewer)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:storeops:problem:invalid-cursor");
        }
    }

    @Test
    void withoutATokenTheDeskIsUnauthorized() {
        http.get().uri("/api/order-desk").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode desk(String token) {
        return RoleMatrix.desk(http, "/api/order-desk", token);
    }

    private static JsonNode store(JsonNode desk, String storeId) {
        for (JsonNode store : desk.get("stores")) {
            if (store.get("storeId").asString().equals(storeId)) {
                return store;
            }
        }
        throw new AssertionError("no store " + storeId + " in " + desk);
    }

    private static long queue(JsonNode store, String name) {
        return store.get("queues").get(name).asLong();
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}

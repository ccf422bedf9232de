package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.RoleMatrix;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The warehouse desk route: what a caller may do agrees with what the routes let through, and which queues they see. */
@ServiceTest
class WarehouseDeskTest {

    private static final String STORE = "tmall-flagship";

    /** Each advertised action and a route of the security matrix that performs it. */
    private static final Map<String, String> ROUTE_OF_ACTION = Map.ofEntries(
            Map.entry("SEE_SHIPMENTS", "work list"),
            Map.entry("SEE_BATCHES", "one batch"),
            Map.entry("PRINT_BATCH", "printed and stamped"),
            Map.entry("DISPATCH", "dispatch"),
            Map.entry("ACKNOWLEDGE_REPORT", "acknowledge"),
            Map.entry("SEE_STOCK", "stock list"),
            Map.entry("KEEP_STOCK", "import"),
            Map.entry("SEE_QUEUES", "exceptions queue"),
            Map.entry("FOLLOW_UP_TROUBLE", "trouble resolution"),
            Map.entry("RECEIVE_RETURNS", "return receipt"),
            Map.entry("RECORD_URGE", "urge"));

    @Autowired
    WebTestClient http;

    @ParameterizedTest
    @EnumSource(StaffRole.class)
    void theActionsADeskOffersAreExactlyThoseTheRoutesAdmit(StaffRole role) {
        JsonNode desk = desk(TestTokens.bearer("someone", role, STORE));

        RoleMatrix.assertDeskOffersWhatTheRoutesAdmit(desk, role, ROUTE_OF_ACTION, SecurityMatrixTest.ROUTES);
    }

    @Test
    void eachRoleSeesTheQueuesItWorksInItsOwnStoresOnly() {
        JsonNode clerk = store(desk(TestTokens.bearer("clerk.wu", StaffRole.ORDER_CLERK, STORE)));
        JsonNode service = store(desk(TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE)));
        JsonNode presale = desk(TestTokens.bearer("cs.ma", StaffRole.CS_PRESALE, STORE, "no-such-store"));

        assertThat(clerk.get("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(names(clerk.get("queues"))).containsExactly("batch");
        assertThat(names(service.get("queues"))).containsExactly("exceptions", "returns");
        assertThat(presale.get("stores")).hasSize(1);
        assertThat(presale.get("stores").get(0).get("queues").isEmpty()).isTrue();
    }

    @Test
    void withoutATokenTheDeskIsUnauthorized() {
        http.get().uri("/api/warehouse-desk").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode desk(String token) {
        return RoleMatrix.desk(http, "/api/warehouse-desk", token);
    }

    private static JsonNode store(JsonNode desk) {
        assertThat(desk.get("stores")).hasSize(1);
        return desk.get("stores").get(0);
    }

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }
}

package io.storeops.console.aftersale;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.storeops.console.ServiceStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.console.ServiceStubs;
import io.storeops.console.StubServices;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the after-sale pages' tests stand on: the desks of the people they sign in as — customer
 * service ({@code secret-bearer-token}), a supervisor ({@code supervisor-token}) and the warehouse
 * ({@code another-token}, who has no after-sale desk) — at each service, a record as the service
 * answers it to one person, and the Idempotency-Key a rendered form carries.
 */
final class AfterSaleDeskStubs {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private AfterSaleDeskStubs() {}

    /** Each person's desk at order-service, fulfillment-service and refund-service. */
    static void stubEveryonesDesks() {
        ServiceStubs.desk("secret-bearer-token", "orders/desk-cs-aftersale.json");
        ServiceStubs.warehouseDesk("secret-bearer-token", "warehouse/desk-cs-aftersale.json");
        ServiceStubs.afterSaleDesk("secret-bearer-token", "aftersale/after-sale-desk-cs.json");
        ServiceStubs.desk("supervisor-token", "aftersale/desk-supervisor.json");
        ServiceStubs.warehouseDesk("supervisor-token", "aftersale/warehouse-desk-supervisor.json");
        ServiceStubs.afterSaleDesk("supervisor-token", "aftersale/after-sale-desk-supervisor.json");
        ServiceStubs.desk("another-token", "orders/desk-warehouse.json");
        ServiceStubs.warehouseDesk("another-token", "warehouse/desk-warehouse.json");
        ServiceStubs.afterSaleDesk("another-token", "aftersale/after-sale-desk-warehouse.json");
    }

    /** refund-service answers {@code path} to the person with {@code token} with {@code view} (its steps are theirs). */
    static void stubViewFor(String path, String token, String view) {
        StubServices.server()
                .stubFor(get(urlEqualTo(path))
                        .withHeader("Authorization", equalTo("Bearer " + token))
                        .willReturn(json(200, view)));
    }

    /** The Idempotency-Key the form on {@code page} carries. */
    static String idempotencyKey(String page) {
        Matcher key = IDEMPOTENCY_KEY.matcher(page);
        assertThat(key.find()).as("the form's Idempotency-Key").isTrue();
        return key.group(1);
    }
}

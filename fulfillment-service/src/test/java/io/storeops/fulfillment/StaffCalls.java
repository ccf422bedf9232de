package io.storeops.fulfillment;

import io.storeops.platform.test.TestHttp;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The stock and shipment routes as a service test calls them, as one member of staff. */
final class StaffCalls {

    private final WebTestClient http;
    private final String bearer;

    StaffCalls(WebTestClient http, String bearer) {
        this.http = http;
        this.bearer = bearer;
    }

    /** The same calls as another member of staff. */
    StaffCalls as(String otherBearer) {
        return new StaffCalls(http, otherBearer);
    }

    /** What a GET of {@code uri} answers, which must be a 200. */
    JsonNode read(String uri) {
        return TestHttp.read(http, uri, bearer);
    }

    JsonNode stock(String store, String sku) {
        return read("/api/stock/" + store + "/" + sku);
    }

    WebTestClient.ResponseSpec count(String store, String sku, Map<String, ?> count) {
        return http.put()
                .uri("/api/stock/{store}/{sku}", store, sku)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(count)
                .exchange();
    }

    WebTestClient.ResponseSpec adjust(String store, String sku, Map<String, ?> adjustment) {
        return http.post()
                .uri("/api/stock/{store}/{sku}/adjustments", store, sku)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(adjustment)
                .exchange();
    }

    WebTestClient.ResponseSpec dispatch(String shipmentId, String trackingNumber) {
        return http.post()
                .uri("/api/shipments/{id}/dispatch", shipmentId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("carrier", "SF", "trackingNumber", trackingNumber, "accessoriesChecked", true))
                .exchange();
    }
}

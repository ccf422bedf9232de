package io.storeops.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.platform.test.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document lists every route with its inputs, failures and examples. */
@ServiceTest
class ApiDocumentationTest {

    @Autowired
    WebTestClient http;

    @Test
    void everyOrderDeskRouteIsDocumented() {
        JsonNode paths = apiDocs().get("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/orders",
                        "/api/orders/export",
                        "/api/orders/{orderId}",
                        "/api/orders/{orderId}/timeline",
                        "/api/orders/{orderId}/cancel",
                        "/api/orders/{orderId}/address",
                        "/api/orders/{orderId}/hold",
                        "/api/orders/{orderId}/release",
                        "/api/orders/{orderId}/buyer-contacts",
                        "/api/review-queue",
                        "/api/stock-out-queue",
                        "/webhooks/shopify",
                        "/webhooks/storefront/{storeId}");
        assertThat(parameterNames(paths.get("/api/orders").get("get")))
                .contains(
                        "storeId",
                        "status",
                        "paidFrom",
                        "paidTo",
                        "holdReason",
                        "hasBuyerNote",
                        "sku",
                        "buyer",
                        "carrier",
                        "limit",
                        "cursor");
        assertThat(parameterNames(paths.get("/api/orders/export").get("get")))
                .as("the export is every match: it has filters, no pages")
                .contains("storeId", "status", "sku")
                .doesNotContain("limit", "cursor");
    }

    @Test
    void everyAnswerARouteGivesIsDocumented() {
        JsonNode paths = apiDocs().get("paths");
        List<String> withoutSuccess = new ArrayList<>();
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode success = operation.getValue().path("responses").path("200");
                    if (success.isMissingNode() || success.path("content").isEmpty()) {
                        withoutSuccess.add(operation.getKey() + " " + path.getKey());
                    }
                }));

        assertThat(withoutSuccess)
                .as("operations without a documented 200 and its body")
                .isEmpty();

        assertThat(paths.at("/~1api~1orders~1{orderId}~1address/put/responses").propertyNames())
                .contains("200", "409", "422");
        assertThat(paths.at("/~1api~1orders~1{orderId}~1release/post/responses").propertyNames())
                .contains("200", "409");
        assertThat(paths.at("/~1webhooks~1storefront~1{storeId}/post/responses").propertyNames())
                .contains("200", "404", "409");
    }

    @Test
    void everyOperationShowsItsProblemsWithExamples() {
        List<String> undocumented = new ArrayList<>();
        apiDocs()
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String failure = path.getKey().startsWith("/webhooks/") ? "401" : "403";
                    JsonNode problem = operation
                            .getValue()
                            .path("responses")
                            .path(failure)
                            .path("content")
                            .path("application/problem+json");
                    if (problem.path("examples").isEmpty()) {
                        undocumented.add(operation.getKey() + " " + path.getKey());
                    }
                }));

        assertThat(undocumented).isEmpty();
    }

    @Test
    void webhooksShowTheirSignatureHeadersAndExampleBodiesAndCommandsTheirConflicts() {
        JsonNode paths = apiDocs().get("paths");
        JsonNode shopify = paths.get("/webhooks/shopify").get("post");
        JsonNode storefront = paths.get("/webhooks/storefront/{storeId}").get("post");

        assertThat(parameterNames(shopify))
                .contains("X-Shopify-Hmac-Sha256", "X-Shopify-Shop-Domain", "X-Shopify-Event-Id");
        assertThat(shopify.at("/requestBody/content/application~1json/examples").isEmpty())
                .isFalse();
        assertThat(parameterNames(storefront))
                .contains("X-StoreOps-Signature", "X-StoreOps-Topic", "X-StoreOps-Event-Id");
        assertThat(storefront
                        .at("/requestBody/content/application~1json/examples")
                        .propertyNames())
                .contains("order.placed / order.paid", "order.cancelled");
        assertThat(paths.at(
                                "/~1api~1orders~1{orderId}~1cancel/post/responses/409/content/application~1problem+json/examples")
                        .isEmpty())
                .isFalse();
        assertThat(paths.at("/~1api~1orders~1{orderId}~1cancel/post/requestBody/content/application~1json/schema")
                        .isMissingNode())
                .isFalse();
    }

    private JsonNode apiDocs() {
        byte[] body = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation
                .path("parameters")
                .forEach(parameter -> names.add(parameter.get("name").asString()));
        return names;
    }
}

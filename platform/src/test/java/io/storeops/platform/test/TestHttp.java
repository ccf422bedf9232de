package io.storeops.platform.test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** HTTP calls a service test makes as one member of staff. */
public final class TestHttp {

    private TestHttp() {}

    /** What a GET of {@code uri} with {@code bearer} answers, which must be a 200 with JSON. */
    public static JsonNode read(WebTestClient http, String uri, String bearer) {
        return http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}

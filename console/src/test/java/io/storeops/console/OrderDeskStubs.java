package io.storeops.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** order-service's answers the console's tests stand on, from JSON files in the shapes the service documents. */
public final class OrderDeskStubs {

    private OrderDeskStubs() {}

    /** The desk route answers the person with {@code token} from {@code fixture}. */
    public static void desk(String token, String fixture) {
        StubOrderService.server()
                .stubFor(get(urlPathEqualTo("/api/order-desk"))
                        .withHeader("Authorization", equalTo("Bearer " + token))
                        .willReturn(json(200, fixture)));
    }

    public static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", status < 400 ? "application/json" : "application/problem+json")
                .withBody(fixture.startsWith("{") || fixture.startsWith("[") ? fixture : read(fixture));
    }

    public static String read(String fixture) {
        try (InputStream file = OrderDeskStubs.class.getResourceAsStream("orders/" + fixture)) {
            if (file == null) {
                throw new IllegalArgumentException("no fixture orders/" + fixture);
            }
            return new String(file.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

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

/** The services' answers the console's tests stand on, from JSON files in the shapes the services document. */
public final class ServiceStubs {

    private ServiceStubs() {}

    /** order-service's desk route answers the person with {@code token} from {@code fixture}. */
    public static void desk(String token, String fixture) {
        desk("/api/order-desk", token, fixture);
    }

    /** fulfillment-service's warehouse desk route answers the person with {@code token} from {@code fixture}. */
    public static void warehouseDesk(String token, String fixture) {
        desk("/api/warehouse-desk", token, fixture);
    }

    /** refund-service's after-sale desk route answers the person with {@code token} from {@code fixture}. */
    public static void afterSaleDesk(String token, String fixture) {
        desk("/api/after-sale-desk", token, fixture);
    }

    private static void desk(String route, String token, String fixture) {
        StubServices.server()
                .stubFor(get(urlPathEqualTo(route))
                        .withHeader("Authorization", equalTo("Bearer " + token))
                        .willReturn(json(200, fixture)));
    }

    public static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", status < 400 ? "application/json" : "application/problem+json")
                .withBody(fixture.startsWith("{") || fixture.startsWith("[") ? fixture : read(fixture));
    }

    /** A fixture by its path under the console's package, e.g. {@code orders/held-order.json}. */
    public static String read(String fixture) {
        try (InputStream file = ServiceStubs.class.getResourceAsStream(fixture)) {
            if (file == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return new String(file.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

package io.storeops.platform.test;

import java.util.Arrays;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service's Prometheus page, read whole. It outgrows the client's default 256 KiB buffer once
 * many routes have answered (every route and status has its latency histogram), so it is read
 * with room to spare.
 */
public final class Scrapes {

    private static final int ROOM = 32 * 1024 * 1024;

    private Scrapes() {}

    public static String prometheus(WebTestClient http) {
        return http.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(ROOM))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * The value of the series {@code name} whose labels include each of {@code labels}
     * ({@code "store=\"tmall-flagship\""}, …); fails when no such series is exposed.
     */
    public static double value(WebTestClient http, String name, String... labels) {
        return prometheus(http)
                .lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " " + String.join(",", labels) + " is not exposed"));
    }
}

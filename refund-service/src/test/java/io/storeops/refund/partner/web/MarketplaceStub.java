package io.storeops.refund.partner.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.storeops.platform.partner.MarketplaceApi;
import io.storeops.platform.partner.PartnerFailure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The native marketplace's open API as the tests of its adapters (refunds, review replies) stub it
 * on a real port: tmall-flagship's API, a call asked with its app key and an idempotency key, the
 * answers, what was asked, and how a failure the adapters report reads.
 */
public final class MarketplaceStub {

    public static final String STORE = "tmall-flagship";
    public static final String APP_KEY = "mk-app-key-123";
    /** Room for a first call's connection and warm-up on a busy 2-core machine; the stub answers at once. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** How late the stub's "too late" answers come: well past {@link #TIMEOUT}. */
    public static final int LATE_MILLIS = 8_000;

    private MarketplaceStub() {}

    /** A stub on a free port, emptied before each test. */
    public static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(WireMockConfiguration.options().dynamicPort())
                .resetOnEachTest(true)
                .build();
    }

    /** tmall-flagship's API at the stub's {@code /api/v1/}, each call taking at most {@link #TIMEOUT}. */
    public static MarketplaceApi api(WireMockExtension marketplace) {
        return MarketplaceApi.of(
                STORE, URI.create(marketplace.baseUrl() + "/api/v1/"), APP_KEY, TIMEOUT, WebClient.builder());
    }

    /** A POST to {@code path} with the store's app key and {@code key} as {@code Idempotency-Key}. */
    public static MappingBuilder asked(String path, String key) {
        return post(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + APP_KEY))
                .withHeader("Idempotency-Key", equalTo(key));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    public static List<LoggedRequest> calls(WireMockExtension marketplace, String path) {
        return marketplace.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    /** The idempotency keys the calls to {@code path} carried, in order. */
    public static List<String> keysSent(WireMockExtension marketplace, String path) {
        return calls(marketplace, path).stream()
                .map(call -> call.getHeader("Idempotency-Key"))
                .toList();
    }

    /** Checks that {@code failure} is a refusal for good ({@code permanent}) or one to retry, saying {@code what}. */
    public static void failedWith(Throwable failure, boolean permanent, String what) {
        assertThat(failure).isInstanceOfSatisfying(PartnerFailure.class, partner -> {
            assertThat(partner.permanent()).as("for good").isEqualTo(permanent);
            assertThat(partner).hasMessageContaining(what);
        });
    }
}

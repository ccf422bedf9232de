package io.storeops.platform.partner;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The native marketplace's open API, which the services call for what StoreOps does there (refunds
 * paid, review replies posted, products listed): each store's base URL and app key, and one JSON
 * {@code POST} with the store's app key as bearer token and an {@code Idempotency-Key} header, read
 * whole whatever its status.
 *
 * <p>Not a bean by itself: each service's wiring builds it from the store's settings (refunds'
 * {@code payouts.marketplace.*}, listings' {@code listing.marketplace.*}).
 */
public final class MarketplaceApi {

    private static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    /** What a header carries as it is: visible ASCII, not too long. */
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /**
     * A store's marketplace endpoint.
     *
     * @param baseUrl the open API's base, e.g. {@code https://open.marketplace.example/api/v1}
     * @param appKey  the store's app key, sent as bearer token; read at each call so that it may rotate
     */
    public record Endpoint(URI baseUrl, Supplier<String> appKey) {

        public Endpoint {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(appKey, "appKey");
        }
    }

    private final WebClient client;
    private final Map<String, Endpoint> endpoints;
    private final Duration timeout;

    /**
     * @param client    a client from {@link PartnerHttp#client}
     * @param endpoints the endpoints by StoreOps store id
     * @param timeout   how long one call may take
     */
    public MarketplaceApi(WebClient client, Map<String, Endpoint> endpoints, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.endpoints = Map.copyOf(endpoints);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The API of one store, at {@code baseUrl} with its {@code appKey}, each call taking at most {@code timeout}. */
    public static MarketplaceApi of(
            String storeId, URI baseUrl, String appKey, Duration timeout, WebClient.Builder clients) {
        return new MarketplaceApi(
                PartnerHttp.client(clients, timeout), Map.of(storeId, new Endpoint(baseUrl, () -> appKey)), timeout);
    }

    /**
     * The key the marketplace sees: an idempotency key as it is when a header can carry it, else
     * {@code sha256:} and its SHA-256 hex (stable, so a retry sends the same).
     */
    public static String requestId(String idempotencyKey) {
        return HEADER_SAFE.matcher(idempotencyKey).matches()
                ? idempotencyKey
                : "sha256:" + PartnerHttp.sha256Hex(idempotencyKey);
    }

    /**
     * POSTs {@code body} for {@code storeId} to its base URL and the {@code path} segments (each
     * encoded, so an id from a storefront stays one segment), with {@code requestId} (see {@link
     * #requestId}) as {@code Idempotency-Key}. A store without an endpoint or app key is a refusal;
     * no answer in time, a {@link java.util.concurrent.TimeoutException}.
     */
    public Mono<PartnerHttp.Answer> post(String storeId, String requestId, JsonNode body, String... path) {
        return Mono.defer(() -> {
            Endpoint endpoint = endpoints.get(storeId);
            if (endpoint == null) {
                return Mono.error(PartnerFailure.refused("store " + storeId + " has no marketplace endpoint"));
            }
            String appKey = endpoint.appKey().get();
            if (appKey == null || appKey.isBlank()) {
                return Mono.error(PartnerFailure.refused("store " + storeId + " has no marketplace app key"));
            }
            URI uri = UriComponentsBuilder.fromUri(endpoint.baseUrl())
                    .pathSegment(path)
                    .build()
                    .encode()
                    .toUri();
            WebClient.RequestHeadersSpec<?> request = client.post()
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + appKey)
                    .header(IDEMPOTENCY_KEY_HEADER, requestId)
                    .bodyValue(PartnerHttp.write(body));
            return PartnerHttp.send(request, timeout, "the marketplace");
        });
    }
}

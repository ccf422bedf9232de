package io.storeops.refund.payout.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pays back through the native marketplace's refund call: {@code POST <base>/refunds} with the
 * store's app key as bearer token, the payout's key both as {@code Idempotency-Key} header and as
 * {@code refundRequestId}, and {@code {refundRequestId, orderId, amountMinor, currency}} as body.
 *
 * <p>A 2xx answer {@code {"refundId": ...}} is the receipt. A 409 is the receipt only when it names
 * a {@code refundId} for this very {@code refundRequestId} (the marketplace remembered the key and
 * paid it before); any other conflict (already refunded by someone else, more than is left) is a
 * refusal, never taken for a payment. 429 and 5xx are failures the payouts retry with the same key.
 *
 * <p>Not a bean by itself: the wiring builds it with a client from {@link PayoutHttp#client} and
 * the endpoints of the stores paid through the marketplace.
 */
public final class MarketplacePayoutGateway implements PayoutGateway {

    private static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    /** What a header carries as it is: visible ASCII, not too long. */
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /**
     * A store's marketplace endpoint.
     *
     * @param baseUrl the refund API's base, e.g. {@code https://open.marketplace.example/api/v1}
     * @param appKey  the store's app key, sent as bearer token; read at each payout so that it may rotate
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

    /** @param endpoints the endpoints by StoreOps store id */
    public MarketplacePayoutGateway(WebClient client, Map<String, Endpoint> endpoints, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.endpoints = Map.copyOf(endpoints);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<Receipt> pay(PayoutOrder order) {
        return Mono.defer(() -> {
            Endpoint endpoint = endpoints.get(order.storeId());
            if (endpoint == null) {
                return Mono.error(
                        PayoutFailure.refused("store " + order.storeId() + " has no marketplace refund endpoint"));
            }
            if (order.externalOrderId() == null || order.externalOrderId().isBlank()) {
                return Mono.error(PayoutFailure.refused("order " + order.orderId() + " has no marketplace order id"));
            }
            String appKey = endpoint.appKey().get();
            if (appKey == null || appKey.isBlank()) {
                return Mono.error(PayoutFailure.refused("store " + order.storeId() + " has no marketplace app key"));
            }
            String key = requestId(order.idempotencyKey());
            ObjectNode body = PayoutHttp.JSON.createObjectNode();
            body.put("refundRequestId", key);
            body.put("orderId", order.externalOrderId());
            body.put("amountMinor", order.amount().amountMinor());
            body.put("currency", order.amount().currency());
            WebClient.RequestHeadersSpec<?> request = client.post()
                    .uri(refunds(endpoint))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + appKey)
                    .header(IDEMPOTENCY_KEY_HEADER, key)
                    .bodyValue(PayoutHttp.write(body));
            return PayoutHttp.send(request, timeout, "the marketplace").map(answer -> receipt(answer, key));
        });
    }

    /**
     * The key the marketplace sees: the payout's key as it is when a header can carry it, else
     * {@code sha256:} and its SHA-256 hex (stable, so a retry sends the same).
     */
    static String requestId(String idempotencyKey) {
        return HEADER_SAFE.matcher(idempotencyKey).matches()
                ? idempotencyKey
                : "sha256:" + PayoutHttp.sha256Hex(idempotencyKey);
    }

    private static Receipt receipt(PayoutHttp.Answer answer, String key) {
        JsonNode json = answer.json();
        String refundId = PayoutHttp.text(json.path("refundId"));
        if (answer.successful()) {
            if (refundId == null) {
                throw PayoutFailure.unavailable(
                        "the marketplace answered " + answer.statusLine() + " without a refundId");
            }
            return new Receipt(refundId);
        }
        if (answer.status() == 409) {
            if (refundId != null && key.equals(PayoutHttp.text(json.path("refundRequestId")))) {
                return new Receipt(refundId); // refunded before for this key
            }
            throw PayoutFailure.refused("the marketplace refused the refund as a conflict: " + answer.snippet());
        }
        if (answer.busy()) {
            throw PayoutFailure.unavailable("the marketplace answered " + answer.statusLine());
        }
        throw PayoutFailure.refused(
                "the marketplace refused the refund: " + answer.statusLine() + " " + answer.snippet());
    }

    private static URI refunds(Endpoint endpoint) {
        String base = endpoint.baseUrl().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/refunds");
    }
}

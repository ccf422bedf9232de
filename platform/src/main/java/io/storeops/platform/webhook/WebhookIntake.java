package io.storeops.platform.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * The webhook pipeline every receiving service shares: read the raw body up to the size cap,
 * verify the signature and freshness, claim the delivery (a reused event id with another body or
 * topic is a 409), apply it, mark it done, answer; a redelivery of a done delivery is answered
 * without effect. A refused delivery stores nothing; every outcome is counted.
 */
public class WebhookIntake {

    public static final String SHOPIFY = "shopify";
    public static final String STOREFRONT = "storefront";
    public static final String CARRIER = "carrier";
    private static final String UNVERIFIED = "unverified";

    private final StoreCatalog stores;
    private final WebhookDeliveries deliveries;
    private final MeterRegistry meters;
    private final Clock clock;

    public WebhookIntake(StoreCatalog stores, WebhookDeliveries deliveries, MeterRegistry meters, Clock clock) {
        this.stores = stores;
        this.deliveries = deliveries;
        this.meters = meters;
        this.clock = clock;
        // Refusals before the signature holds exist from the start, so an alert on forged deliveries finds a series.
        for (String source : List.of(SHOPIFY, STOREFRONT, CARRIER)) {
            counter(source, UNVERIFIED, "rejected");
        }
    }

    /** A receipt for the sender: processed now, or recognised as a redelivery. */
    public record Receipt(String status, String deliveryId) {}

    public Mono<ResponseEntity<Receipt>> shopify(ServerHttpRequest request, Function<VerifiedDelivery, Mono<?>> apply) {
        return receive(SHOPIFY, request, body -> verifyShopify(request.getHeaders(), body), apply);
    }

    public Mono<ResponseEntity<Receipt>> storefront(
            String storeId, ServerHttpRequest request, Function<VerifiedDelivery, Mono<?>> apply) {
        return receive(
                STOREFRONT,
                request,
                body -> {
                    StoreProperties.Store store = stores.find(storeId)
                            .orElseThrow(() -> new ProblemException(
                                    HttpStatus.NOT_FOUND,
                                    "unknown-store",
                                    "Unknown store",
                                    "No store '" + storeId + "' is configured."));
                    HttpHeaders headers = request.getHeaders();
                    return verifyNative(
                            STOREFRONT,
                            storeId,
                            requiredHeader(headers, "X-StoreOps-Topic"),
                            headers,
                            body,
                            store.webhookSecrets(),
                            store.acceptV1Signatures());
                },
                apply);
    }

    public Mono<ResponseEntity<Receipt>> carrier(
            String carrierId, ServerHttpRequest request, Function<VerifiedDelivery, Mono<?>> apply) {
        return receive(
                CARRIER,
                request,
                body -> {
                    StoreProperties.Carrier carrier = stores.carrier(carrierId)
                            .orElseThrow(() -> new ProblemException(
                                    HttpStatus.NOT_FOUND,
                                    "unknown-carrier",
                                    "Unknown carrier",
                                    "No carrier '" + carrierId + "' is configured."));
                    return verifyNative(
                            CARRIER,
                            carrierId,
                            carrierId,
                            request.getHeaders(),
                            body,
                            carrier.webhookSecrets(),
                            carrier.acceptV1Signatures());
                },
                apply);
    }

    private Mono<ResponseEntity<Receipt>> receive(
            String source,
            ServerHttpRequest request,
            Function<byte[], VerifiedDelivery> verify,
            Function<VerifiedDelivery, Mono<?>> apply) {
        AtomicReference<String> topic = new AtomicReference<>(UNVERIFIED);
        return readBody(request)
                .map(verify)
                .doOnNext(delivery -> topic.set(delivery.topic()))
                .flatMap(delivery -> deliveries.claim(delivery).flatMap(claim -> switch (claim) {
                    case DONE -> Mono.just(receipt("duplicate", delivery));
                    case UNFINISHED -> applyOnce(delivery, apply).thenReturn(receipt("duplicate", delivery));
                    case NEW -> applyOnce(delivery, apply).thenReturn(receipt("accepted", delivery));
                }))
                .doOnNext(
                        receipt -> count(source, topic.get(), receipt.getBody().status()))
                .doOnError(ProblemException.class, refused -> count(source, topic.get(), "rejected"));
    }

    /** Applies the delivery and marks it done; a failed effect releases the claim, so nothing is kept for it. */
    private Mono<Void> applyOnce(VerifiedDelivery delivery, Function<VerifiedDelivery, Mono<?>> apply) {
        return Mono.defer(() -> apply.apply(delivery))
                .onErrorResume(failed -> deliveries.release(delivery).then(Mono.error(failed)))
                .then(deliveries.complete(delivery));
    }

    private VerifiedDelivery verifyShopify(HttpHeaders headers, byte[] body) {
        String domain = headers.getFirst("X-Shopify-Shop-Domain");
        var store = stores.findByShopifyDomain(domain)
                .orElseThrow(() -> Problems.unauthorized(
                        "unknown-shop", "X-Shopify-Shop-Domain '" + domain + "' is not a configured shop."));
        WebhookSignatures.verifyShopify(
                body,
                headers.getFirst("X-Shopify-Hmac-Sha256"),
                store.getValue().webhookSecrets());
        WebhookSignatures.verifyShopifyFreshness(
                headers.getFirst("X-Shopify-Triggered-At"),
                clock.instant(),
                stores.webhooks().replayWindow());
        return new VerifiedDelivery(
                SHOPIFY,
                store.getKey(),
                requiredHeader(headers, "X-Shopify-Topic"),
                requiredHeader(headers, "X-Shopify-Event-Id"),
                body);
    }

    private VerifiedDelivery verifyNative(
            String source,
            String sender,
            String topic,
            HttpHeaders headers,
            byte[] body,
            List<String> secrets,
            boolean acceptV1) {
        String eventId = requiredHeader(headers, "X-StoreOps-Event-Id");
        WebhookSignatures.verifyNative(
                body,
                topic,
                eventId,
                headers.getFirst("X-StoreOps-Signature"),
                secrets,
                acceptV1,
                clock.instant(),
                stores.webhooks().replayWindow());
        return new VerifiedDelivery(source, sender, topic, eventId, body);
    }

    private Mono<byte[]> readBody(ServerHttpRequest request) {
        int cap = stores.webhooks().maxBodyBytes();
        if (request.getHeaders().getContentLength() > cap) {
            return Mono.error(tooLarge(cap));
        }
        return DataBufferUtils.join(request.getBody(), cap)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, overCap -> tooLarge(cap));
    }

    private static ProblemException tooLarge(int cap) {
        return new ProblemException(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                "Webhook bodies are limited to " + cap + " bytes.");
    }

    private static String requiredHeader(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank() || value.length() > 200) {
            throw Problems.badRequest("missing-header", name + " is required (at most 200 characters).");
        }
        return value.trim();
    }

    private static ResponseEntity<Receipt> receipt(String status, VerifiedDelivery delivery) {
        return ResponseEntity.ok(new Receipt(status, delivery.deliveryId()));
    }

    private void count(String source, String topic, String outcome) {
        counter(source, topic, outcome).increment();
    }

    private Counter counter(String source, String topic, String outcome) {
        return Counter.builder("storeops.webhooks.received")
                .description("Webhook deliveries by source, topic and outcome (accepted, duplicate, rejected)")
                .tags("source", source, "topic", topic, "outcome", outcome)
                .register(meters);
    }
}

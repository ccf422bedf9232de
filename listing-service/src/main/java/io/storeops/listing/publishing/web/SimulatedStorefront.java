package io.storeops.listing.publishing.web;

import io.storeops.listing.products.ListingProperties;
import io.storeops.platform.partner.PartnerFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A storefront for the standalone and the tests: it keeps one product per store and SPU code,
 * {@code SIM-<productId>}, however often it is sent, with the last page version it was sent —
 * while it runs: it keeps them in memory, so unlike a real storefront it forgets them when the
 * standalone stops. It can be told to fail the next calls for a product, to refuse them for good,
 * or to take the product and then not answer in time (the case a retry must never list twice).
 */
@Component
public class SimulatedStorefront implements Storefront {

    public static final String NAME = "simulated";

    private final Map<String, StorefrontProduct> listed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresToCome = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> silencesToCome = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusalsToCome = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Duration silence;

    /** Answers late, when told to, after twice the publisher's call timeout. */
    public SimulatedStorefront(ListingProperties settings) {
        this.silence = settings.callTimeout().multipliedBy(2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Receipt> publish(StorefrontProduct product) {
        return Mono.defer(() -> {
            String productId = product.productId();
            calls.computeIfAbsent(productId, unused -> new AtomicInteger()).incrementAndGet();
            if (told(failuresToCome, productId)) {
                return Mono.error(PartnerFailure.unavailable("simulated storefront: 503 Service Unavailable"));
            }
            // what was told comes in this order: failures, late answers, then refusals
            if (told(silencesToCome, productId)) {
                return Mono.delay(silence).thenReturn(listed(product)); // listed, but the answer comes too late
            }
            if (told(refusalsToCome, productId)) {
                return Mono.error(PartnerFailure.refused(
                        "simulated storefront: 422 the title names a brand the store may not sell"));
            }
            return Mono.just(listed(product));
        });
    }

    @Override
    public Mono<Void> withdraw(Withdrawal withdrawal) {
        return Mono.defer(() -> {
            String productId = withdrawal.productId();
            calls.computeIfAbsent(productId, unused -> new AtomicInteger()).incrementAndGet();
            if (told(failuresToCome, productId)) {
                return Mono.error(PartnerFailure.unavailable("simulated storefront: 503 Service Unavailable"));
            }
            listed.remove(key(withdrawal.storeId(), productId));
            return Mono.empty();
        });
    }

    /** Lists the product under its one id per store: sent again, it is updated. */
    private Receipt listed(StorefrontProduct product) {
        listed.put(key(product.storeId(), product.productId()), product);
        return new Receipt("SIM-" + product.productId());
    }

    /** The next {@code count} calls for product {@code productId} (to any store) fail without listing anything. */
    public void failNext(String productId, int count) {
        failuresToCome.put(productId, new AtomicInteger(count));
    }

    /** The next {@code count} calls for product {@code productId} are refused for good, listing nothing. */
    public void refuseNext(String productId, int count) {
        refusalsToCome.put(productId, new AtomicInteger(count));
    }

    /** The next {@code count} calls for product {@code productId} list it, but answer too late. */
    public void silenceNext(String productId, int count) {
        silencesToCome.put(productId, new AtomicInteger(count));
    }

    /** The product {@code productId} as store {@code storeId} last took it. */
    public Optional<StorefrontProduct> listed(String storeId, String productId) {
        return Optional.ofNullable(listed.get(key(storeId, productId)));
    }

    /** How often product {@code productId} was sent, to any store. */
    public int calls(String productId) {
        AtomicInteger made = calls.get(productId);
        return made == null ? 0 : made.get();
    }

    /** Whether a trouble was told for the product's next call, counting it off. */
    private static boolean told(Map<String, AtomicInteger> toCome, String productId) {
        AtomicInteger left = toCome.get(productId);
        return left != null && left.getAndUpdate(count -> Math.max(count - 1, 0)) > 0;
    }

    private static String key(String storeId, String productId) {
        return storeId + "/" + productId;
    }
}

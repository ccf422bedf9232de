package io.storeops.refund.payout;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each store's refunds are paid back, bound where it is used:
 * {@code storeops.stores.<store>.payouts.*} beside the store's identity, which platform binds. A
 * store that sets no gateway takes {@code storeops.payouts.gateway}.
 */
@ConfigurationProperties("storeops")
public record StorePayoutProperties(Map<String, StorePayouts> stores) {

    /** The gateways a store may be paid through. */
    public static final Set<String> GATEWAYS = Set.of("none", "simulated", "shopify", "marketplace");

    public StorePayoutProperties {
        stores = stores == null ? Map.of() : Map.copyOf(stores);
        stores.forEach((storeId, store) -> {
            String gateway = store.payouts().gateway();
            if (gateway != null && !GATEWAYS.contains(gateway)) {
                throw new IllegalArgumentException("storeops.stores." + storeId + ".payouts.gateway must be one of "
                        + GATEWAYS.stream().sorted().collect(Collectors.joining(", ")) + ": " + gateway);
            }
        });
    }

    /** The part of a store's settings that the payouts read. */
    public record StorePayouts(PayoutSettings payouts) {

        public StorePayouts {
            payouts = payouts == null ? new PayoutSettings(null, null, null, null) : payouts;
        }
    }

    /**
     * @param gateway     none, simulated, shopify or marketplace (default: {@code storeops.payouts.gateway})
     * @param timeout     how long one HTTP call to the storefront may take (default 4 s)
     * @param shopify     the Shopify Admin API: the shop is the store's {@code shopify-domain}
     * @param marketplace the native marketplace's open API, which the review replies call too
     */
    public record PayoutSettings(String gateway, Duration timeout, Shopify shopify, Marketplace marketplace) {

        public PayoutSettings {
            timeout = timeout == null ? Duration.ofSeconds(4) : timeout;
        }
    }

    /**
     * @param accessToken the Admin API access token (scope {@code write_orders}), from the environment
     * @param apiVersion  the Admin API version (default 2026-04, the first to require refunds' idempotency keys)
     * @param adminUrl    where the Admin API answers, if not {@code https://<shopify-domain>}
     */
    public record Shopify(String accessToken, String apiVersion, URI adminUrl) {}

    /**
     * @param baseUrl the open API's base, e.g. {@code https://open.marketplace.example/api/v1}
     * @param appKey  the store's app key, from the environment
     */
    public record Marketplace(URI baseUrl, String appKey) {}

    /** The settings of {@code storeId}; those of a store that configures none. */
    public PayoutSettings of(String storeId) {
        StorePayouts store = stores.get(storeId);
        return store == null ? new PayoutSettings(null, null, null, null) : store.payouts();
    }

    /** The gateway {@code storeId} is paid through, {@code fallback} unless the store names one. */
    public String gatewayOf(String storeId, String fallback) {
        String gateway = of(storeId).gateway();
        return gateway == null ? fallback : gateway;
    }
}

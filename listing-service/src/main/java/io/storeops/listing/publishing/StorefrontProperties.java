package io.storeops.listing.publishing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each store's products are published, bound where it is used:
 * {@code storeops.stores.<store>.listing.*} beside the store's identity, which platform binds. A
 * store that names no storefront takes {@code storeops.listing.storefront} (default {@code
 * simulated}). Access tokens and app keys come from the environment, never from the repository.
 */
@ConfigurationProperties("storeops")
public record StorefrontProperties(Map<String, StoreListing> stores, Defaults listing) {

    /** The storefronts a store's products may be published to. */
    public static final Set<String> STOREFRONTS = Set.of("simulated", "shopify", "marketplace");

    public StorefrontProperties {
        stores = stores == null ? Map.of() : Map.copyOf(stores);
        listing = listing == null ? new Defaults(null) : listing;
        stores.forEach((storeId, store) ->
                check(store.listing().storefront(), "storeops.stores." + storeId + ".listing.storefront"));
    }

    /** @param storefront where a store that names none publishes ({@code storeops.listing.storefront}, default simulated) */
    public record Defaults(String storefront) {

        public Defaults {
            storefront = storefront == null || storefront.isBlank() ? "simulated" : storefront.strip();
            check(storefront, "storeops.listing.storefront");
        }
    }

    /** The part of a store's settings that publishing reads. */
    public record StoreListing(StorefrontSettings listing) {

        public StoreListing {
            listing = listing == null ? new StorefrontSettings(null, null, null, null) : listing;
        }
    }

    /**
     * @param storefront  simulated, shopify or marketplace (default: {@code storeops.listing.storefront})
     * @param timeout     how long one HTTP call to the storefront may take (default 10 s; a product's
     *                    publication, pictures included, has {@code storeops.listing.call-timeout})
     * @param shopify     the Shopify Admin API: the shop is the store's {@code shopify-domain}
     * @param marketplace the native marketplace's open API
     */
    public record StorefrontSettings(String storefront, Duration timeout, Shopify shopify, Marketplace marketplace) {

        public StorefrontSettings {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /**
     * @param accessToken the Admin API access token (scope {@code write_products}), from the environment
     * @param apiVersion  the Admin API version (default 2026-04; 2025-04 or later, which upserts products by handle)
     * @param adminUrl    where the Admin API answers, if not {@code https://<shopify-domain>}
     */
    public record Shopify(String accessToken, String apiVersion, URI adminUrl) {}

    /**
     * @param baseUrl the open API's base, e.g. {@code https://open.marketplace.example/api/v1}
     * @param appKey  the store's app key, from the environment
     */
    public record Marketplace(URI baseUrl, String appKey) {}

    /** The settings of {@code storeId}; those of a store that configures none. */
    public StorefrontSettings of(String storeId) {
        StoreListing store = stores.get(storeId);
        return store == null ? new StorefrontSettings(null, null, null, null) : store.listing();
    }

    /** The storefront {@code storeId} publishes to: its own, else the default. */
    public String storefrontOf(String storeId) {
        String storefront = of(storeId).storefront();
        return storefront == null || storefront.isBlank() ? listing.storefront() : storefront.strip();
    }

    private static void check(String storefront, String setting) {
        if (storefront != null && !storefront.isBlank() && !STOREFRONTS.contains(storefront.strip())) {
            throw new IllegalArgumentException(setting + " must be one of "
                    + STOREFRONTS.stream().sorted().collect(Collectors.joining(", ")) + ": " + storefront);
        }
    }
}

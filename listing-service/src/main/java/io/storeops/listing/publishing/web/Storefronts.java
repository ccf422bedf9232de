package io.storeops.listing.publishing.web;

import io.storeops.listing.images.ImageFiles;
import io.storeops.listing.publishing.StorefrontProperties;
import io.storeops.platform.files.FileStore;
import io.storeops.platform.partner.MarketplaceApi;
import io.storeops.platform.partner.PartnerHttp;
import io.storeops.platform.partner.ShopifyAdminApi;
import io.storeops.platform.stores.StoreCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Each store's storefront, built at start from its settings: its Shopify shop, its marketplace's
 * open API, or the simulated storefront. A store whose storefront lacks what it needs (an access
 * token, an app key, a base URL, a shop domain) stops the service at start.
 */
@Component
public class Storefronts {

    private final Map<String, Storefront> byStore = new HashMap<>();

    public Storefronts(
            StoreCatalog stores, StorefrontProperties settings, SimulatedStorefront simulated, ImageFiles images) {
        WebClient.Builder clients = WebClient.builder();
        MarketplaceStorefront.Pictures pictures = fileId -> images.load(fileId).map(FileStore.StoredFile::content);
        for (String storeId : stores.storeIds()) {
            switch (settings.storefrontOf(storeId)) {
                case ShopifyStorefront.NAME -> byStore.put(storeId, shopify(storeId, stores, settings, clients));
                case MarketplaceStorefront.NAME ->
                    byStore.put(storeId, new MarketplaceStorefront(marketplace(storeId, settings, clients), pictures));
                default -> byStore.put(storeId, simulated);
            }
        }
    }

    /** The storefront {@code storeId}'s products are published to; none for a store not configured. */
    public Optional<Storefront> of(String storeId) {
        return Optional.ofNullable(byStore.get(storeId));
    }

    private static Storefront shopify(
            String storeId, StoreCatalog stores, StorefrontProperties settings, WebClient.Builder clients) {
        StorefrontProperties.StorefrontSettings store = settings.of(storeId);
        StorefrontProperties.Shopify shopify = store.shopify();
        String token = required(shopify == null ? null : shopify.accessToken(), storeId, "shopify.access-token");
        ShopifyAdminApi.Shop shop = shopify.adminUrl() != null
                ? new ShopifyAdminApi.Shop(shopify.adminUrl(), () -> token)
                : ShopifyAdminApi.Shop.ofDomain(
                        stores.find(storeId).map(found -> found.shopifyDomain()).orElse(null), () -> token);
        String version = shopify.apiVersion() == null ? ShopifyStorefront.DEFAULT_API_VERSION : shopify.apiVersion();
        return new ShopifyStorefront(new ShopifyAdminApi(
                PartnerHttp.client(clients, store.timeout()), Map.of(storeId, shop), version, store.timeout()));
    }

    private static MarketplaceApi marketplace(
            String storeId, StorefrontProperties settings, WebClient.Builder clients) {
        StorefrontProperties.StorefrontSettings store = settings.of(storeId);
        StorefrontProperties.Marketplace marketplace = store.marketplace();
        if (marketplace == null || marketplace.baseUrl() == null) {
            throw new IllegalStateException("storeops.stores." + storeId
                    + ".listing.marketplace.base-url is required for publishing to the marketplace");
        }
        String appKey = required(marketplace.appKey(), storeId, "marketplace.app-key");
        return MarketplaceApi.of(storeId, marketplace.baseUrl(), appKey, store.timeout(), clients);
    }

    private static String required(String value, String storeId, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("storeops.stores." + storeId + ".listing." + setting
                    + " is required for publishing to its storefront (take it from the environment)");
        }
        return value;
    }
}

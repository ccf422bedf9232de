package io.storeops.refund.payout.web;

import io.storeops.platform.partner.MarketplaceApi;
import io.storeops.platform.partner.PartnerHttp;
import io.storeops.platform.partner.ShopifyAdminApi;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.refund.cases.GatewayPayments;
import io.storeops.refund.payout.PayoutProperties;
import io.storeops.refund.payout.StorePayoutProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Each store's payout gateway, built at start from its settings: its Shopify shop, its
 * marketplace's refund API, or the simulated gateway; none for a store whose staff pay in the
 * marketplace's back office. A store whose gateway lacks what it needs stops the service at start.
 */
@Component
public class PayoutGateways implements GatewayPayments {

    private final Map<String, PayoutGateway> byStore = new HashMap<>();

    public PayoutGateways(
            StoreCatalog stores, StorePayoutProperties settings, PayoutProperties payouts, SimulatedGateway simulated) {
        WebClient.Builder clients = WebClient.builder();
        for (String storeId : stores.storeIds()) {
            StorePayoutProperties.PayoutSettings store = settings.of(storeId);
            switch (settings.gatewayOf(storeId, payouts.gateway())) {
                case "simulated" -> byStore.put(storeId, simulated);
                case "shopify" -> byStore.put(storeId, shopify(storeId, stores, store, clients));
                case "marketplace" ->
                    byStore.put(
                            storeId,
                            new MarketplacePayoutGateway(
                                    marketplaceApi(storeId, settings, "payouts through the marketplace", clients)));
                default -> {
                    // none: staff pay in the back office and confirm each refund
                }
            }
        }
    }

    /** The gateway {@code storeId} is paid through, if any. */
    public Optional<PayoutGateway> of(String storeId) {
        return Optional.ofNullable(byStore.get(storeId));
    }

    @Override
    public boolean paysThroughGateway(String storeId) {
        return byStore.containsKey(storeId);
    }

    /** The stores paid through a gateway. */
    public Set<String> storesPaid() {
        return Set.copyOf(byStore.keySet());
    }

    private static PayoutGateway shopify(
            String storeId,
            StoreCatalog stores,
            StorePayoutProperties.PayoutSettings store,
            WebClient.Builder clients) {
        StorePayoutProperties.Shopify shopify = store.shopify();
        String token = required(
                shopify == null ? null : shopify.accessToken(),
                storeId,
                "shopify.access-token",
                "payouts through Shopify");
        ShopifyAdminApi.Shop shop = shopify.adminUrl() != null
                ? new ShopifyAdminApi.Shop(shopify.adminUrl(), () -> token)
                : ShopifyAdminApi.Shop.ofDomain(
                        stores.find(storeId).map(found -> found.shopifyDomain()).orElse(null), () -> token);
        return new ShopifyPayoutGateway(
                PartnerHttp.client(clients, store.timeout()),
                Map.of(storeId, shop),
                shopify.apiVersion(),
                store.timeout());
    }

    /**
     * The native marketplace's open API of {@code storeId} at its {@code payouts.marketplace.*},
     * which {@code use} ("payouts through the marketplace") calls: the payouts and the review replies.
     *
     * @throws IllegalStateException when its base URL or app key is missing: the service stops at start
     */
    public static MarketplaceApi marketplaceApi(
            String storeId, StorePayoutProperties settings, String use, WebClient.Builder clients) {
        StorePayoutProperties.PayoutSettings store = settings.of(storeId);
        StorePayoutProperties.Marketplace marketplace = store.marketplace();
        if (marketplace == null || marketplace.baseUrl() == null) {
            throw new IllegalStateException(
                    "storeops.stores." + storeId + ".payouts.marketplace.base-url is required for " + use);
        }
        String appKey = required(marketplace.appKey(), storeId, "marketplace.app-key", use);
        return MarketplaceApi.of(storeId, marketplace.baseUrl(), appKey, store.timeout(), clients);
    }

    private static String required(String value, String storeId, String setting, String use) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("storeops.stores." + storeId + ".payouts." + setting + " is required for "
                    + use + " (take it from the environment)");
        }
        return value;
    }
}

package io.storeops.refund.payout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.refund.payout.PayoutProperties;
import io.storeops.refund.payout.StorePayoutProperties;
import io.storeops.refund.payout.StorePayoutProperties.Marketplace;
import io.storeops.refund.payout.StorePayoutProperties.PayoutSettings;
import io.storeops.refund.payout.StorePayoutProperties.Shopify;
import io.storeops.refund.payout.StorePayoutProperties.StorePayouts;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each store is paid through the gateway it names, or the default; one that lacks what its gateway needs stops the start. */
class PayoutGatewaysTest {

    private static final PayoutProperties BACK_OFFICE_BY_DEFAULT =
            new PayoutProperties(null, null, null, null, null, null);

    private static final StoreCatalog STORES = new StoreCatalog(new StoreProperties(
            Map.of(
                    "shopify-us", store("storeops-demo.myshopify.com"),
                    "tmall-flagship", store(null),
                    "jd-outlet", store(null)),
            null,
            null));

    @Test
    void eachStoreIsPaidThroughTheGatewayItNamesAndTheOthersByHand() {
        PayoutGateways gateways = new PayoutGateways(
                STORES,
                new StorePayoutProperties(Map.of(
                        "shopify-us",
                        payouts(new PayoutSettings("shopify", null, new Shopify("shpat_test", null, null), null)),
                        "tmall-flagship",
                        payouts(new PayoutSettings(
                                "marketplace",
                                null,
                                null,
                                new Marketplace(URI.create("https://open.example/api"), "key"))))),
                BACK_OFFICE_BY_DEFAULT,
                new SimulatedGateway(BACK_OFFICE_BY_DEFAULT));

        assertThat(gateways.of("shopify-us")).containsInstanceOf(ShopifyPayoutGateway.class);
        assertThat(gateways.of("tmall-flagship")).containsInstanceOf(MarketplacePayoutGateway.class);
        assertThat(gateways.of("jd-outlet"))
                .as("the default: staff pay in the back office")
                .isEmpty();
        assertThat(gateways.paysThroughGateway("jd-outlet")).isFalse();
        assertThat(gateways.storesPaid()).containsExactlyInAnyOrder("shopify-us", "tmall-flagship");
    }

    @Test
    void aGatewayMissingWhatItNeedsStopsTheStart() {
        assertThatThrownBy(() -> new PayoutGateways(
                        STORES,
                        new StorePayoutProperties(
                                Map.of("tmall-flagship", payouts(new PayoutSettings("marketplace", null, null, null)))),
                        BACK_OFFICE_BY_DEFAULT,
                        new SimulatedGateway(BACK_OFFICE_BY_DEFAULT)))
                .hasMessageContaining("storeops.stores.tmall-flagship.payouts.marketplace.base-url");
        assertThatThrownBy(() -> new PayoutGateways(
                        STORES,
                        new StorePayoutProperties(Map.of(
                                "shopify-us",
                                payouts(new PayoutSettings("shopify", null, new Shopify(" ", null, null), null)))),
                        BACK_OFFICE_BY_DEFAULT,
                        new SimulatedGateway(BACK_OFFICE_BY_DEFAULT)))
                .hasMessageContaining("shopify.access-token");
        assertThatThrownBy(() -> new StorePayoutProperties(
                        Map.of("jd-outlet", payouts(new PayoutSettings("paypal", null, null, null)))))
                .hasMessageContaining("marketplace, none, shopify, simulated");
    }

    private static StorePayouts payouts(PayoutSettings settings) {
        return new StorePayouts(settings);
    }

    private static StoreProperties.Store store(String shopifyDomain) {
        return new StoreProperties.Store(null, "CNY", null, shopifyDomain, List.of(), false, null);
    }
}

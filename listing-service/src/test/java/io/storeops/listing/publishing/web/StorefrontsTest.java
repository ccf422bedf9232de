package io.storeops.listing.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.listing.images.ImageFiles;
import io.storeops.listing.products.ListingProperties;
import io.storeops.listing.publishing.StorefrontProperties;
import io.storeops.listing.publishing.StorefrontProperties.Defaults;
import io.storeops.listing.publishing.StorefrontProperties.Marketplace;
import io.storeops.listing.publishing.StorefrontProperties.Shopify;
import io.storeops.listing.publishing.StorefrontProperties.StoreListing;
import io.storeops.listing.publishing.StorefrontProperties.StorefrontSettings;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each store publishes to the storefront it names, or the default; one that lacks what its
 * storefront needs stops the start, and a storefront StoreOps does not know is refused.
 */
class StorefrontsTest {

    private static final StoreCatalog STORES = new StoreCatalog(new StoreProperties(
            Map.of(
                    "shopify-us", store("storeops-demo.myshopify.com"),
                    "tmall-flagship", store(null),
                    "jd-outlet", store(null)),
            null,
            null));
    private static final SimulatedStorefront SIMULATED =
            new SimulatedStorefront(new ListingProperties(null, null, null, null, null));
    private static final ImageFiles IMAGES = new ImageFiles(null);

    @Test
    void eachStorePublishesToTheStorefrontItNamesAndTheOthersToTheDefault() {
        Storefronts storefronts = new Storefronts(
                STORES,
                new StorefrontProperties(
                        Map.of(
                                "shopify-us",
                                listing(new StorefrontSettings(
                                        "shopify", null, new Shopify("shpat_test", null, null), null)),
                                "tmall-flagship",
                                listing(new StorefrontSettings(
                                        "marketplace",
                                        null,
                                        null,
                                        new Marketplace(URI.create("https://open.example/api"), "key")))),
                        null),
                SIMULATED,
                IMAGES);

        assertThat(storefronts.of("shopify-us")).containsInstanceOf(ShopifyStorefront.class);
        assertThat(storefronts.of("tmall-flagship")).containsInstanceOf(MarketplaceStorefront.class);
        assertThat(storefronts.of("jd-outlet"))
                .as("storeops.listing.storefront, simulated unless set")
                .containsSame(SIMULATED);
        assertThat(storefronts.of("unknown-store")).isEmpty();
    }

    @Test
    void aStorefrontMissingWhatItNeedsStopsTheStart() {
        assertThatThrownBy(() -> new Storefronts(
                        STORES,
                        new StorefrontProperties(
                                Map.of(
                                        "tmall-flagship",
                                        listing(new StorefrontSettings("marketplace", null, null, null))),
                                null),
                        SIMULATED,
                        IMAGES))
                .hasMessageContaining("storeops.stores.tmall-flagship.listing.marketplace.base-url");
        assertThatThrownBy(() -> new Storefronts(
                        STORES,
                        new StorefrontProperties(
                                Map.of(
                                        "shopify-us",
                                        listing(new StorefrontSettings(
                                                "shopify", null, new Shopify(" ", null, null), null))),
                                null),
                        SIMULATED,
                        IMAGES))
                .hasMessageContaining("storeops.stores.shopify-us.listing.shopify.access-token");
        assertThatThrownBy(() -> new Storefronts(
                        STORES, new StorefrontProperties(Map.of(), new Defaults("shopify")), SIMULATED, IMAGES))
                .as("a default of shopify needs every store's token")
                .hasMessageContaining("access-token");
        assertThatThrownBy(() -> new Storefronts(
                        STORES,
                        new StorefrontProperties(
                                Map.of(
                                        "tmall-flagship",
                                        listing(new StorefrontSettings(
                                                "shopify", null, new Shopify("shpat_test", null, null), null))),
                                null),
                        SIMULATED,
                        IMAGES))
                .as("a store without a shopify-domain or admin-url has no shop")
                .hasMessageContaining("myshopify.com");
    }

    @Test
    void aStorefrontStoreOpsDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> new StorefrontProperties(
                        Map.of("jd-outlet", listing(new StorefrontSettings("amazon", null, null, null))), null))
                .hasMessageContaining("storeops.stores.jd-outlet.listing.storefront")
                .hasMessageContaining("marketplace, shopify, simulated");
        assertThatThrownBy(() -> new Defaults("ebay")).hasMessageContaining("storeops.listing.storefront");
        assertThat(new StorefrontProperties(null, null).storefrontOf("jd-outlet"))
                .isEqualTo("simulated");
    }

    private static StoreListing listing(StorefrontSettings settings) {
        return new StoreListing(settings);
    }

    private static StoreProperties.Store store(String shopifyDomain) {
        return new StoreProperties.Store(null, "CNY", null, shopifyDomain, List.of(), false, null);
    }
}

package io.storeops.refund.replies.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.refund.payout.StorePayoutProperties;
import io.storeops.refund.payout.StorePayoutProperties.Marketplace;
import io.storeops.refund.payout.StorePayoutProperties.PayoutSettings;
import io.storeops.refund.payout.StorePayoutProperties.StorePayouts;
import io.storeops.refund.replies.StoreReplyProperties;
import io.storeops.refund.replies.StoreReplyProperties.ReviewSettings;
import io.storeops.refund.replies.StoreReplyProperties.StoreReviews;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each store's replies are posted through the channel it names, at its marketplace's open API, or by
 * hand; one whose channel lacks what it needs stops the start.
 */
class ReviewReplyChannelsTest {

    private static final StoreCatalog STORES = new StoreCatalog(new StoreProperties(
            Map.of(
                    "shopify-us", store("storeops-demo.myshopify.com"),
                    "tmall-flagship", store(null),
                    "jd-outlet", store(null)),
            null,
            null));

    private static final StorePayoutProperties TMALL_MARKETPLACE = new StorePayoutProperties(Map.of(
            "tmall-flagship",
            new StorePayouts(new PayoutSettings(
                    null, null, null, new Marketplace(URI.create("https://open.example/api"), "key")))));

    @Test
    void eachStoresRepliesArePostedThroughTheChannelItNamesAndTheOthersByHand() {
        ReviewReplyChannels channels = new ReviewReplyChannels(
                STORES,
                replies(Map.of("tmall-flagship", "marketplace", "jd-outlet", "simulated", "shopify-us", "none")),
                TMALL_MARKETPLACE,
                new SimulatedReplyChannel());

        assertThat(channels.of("tmall-flagship")).containsInstanceOf(MarketplaceReplyChannel.class);
        assertThat(channels.of("jd-outlet")).containsInstanceOf(SimulatedReplyChannel.class);
        assertThat(channels.of("shopify-us")).as("Shopify has no review API").isEmpty();
        assertThat(channels.postsReplies("shopify-us")).isFalse();
        assertThat(channels.storesPosting()).containsExactlyInAnyOrder("tmall-flagship", "jd-outlet");
        assertThat(new ReviewReplyChannels(STORES, replies(Map.of()), TMALL_MARKETPLACE, new SimulatedReplyChannel())
                        .storesPosting())
                .as("the default: staff post every reply in the back office")
                .isEmpty();
    }

    @Test
    void aChannelMissingWhatItNeedsStopsTheStart() {
        assertThatThrownBy(() -> new ReviewReplyChannels(
                        STORES,
                        replies(Map.of("jd-outlet", "marketplace")),
                        TMALL_MARKETPLACE,
                        new SimulatedReplyChannel()))
                .hasMessageContaining("storeops.stores.jd-outlet.payouts.marketplace.base-url")
                .hasMessageContaining("review replies");
        assertThatThrownBy(() -> replies(Map.of("shopify-us", "shopify")))
                .hasMessageContaining(
                        "storeops.stores.shopify-us.reviews.replies must be one of marketplace, none, " + "simulated");
    }

    private static StoreReplyProperties replies(Map<String, String> channels) {
        Map<String, StoreReviews> stores = new HashMap<>();
        channels.forEach((store, channel) -> stores.put(store, new StoreReviews(new ReviewSettings(channel))));
        return new StoreReplyProperties(stores);
    }

    private static StoreProperties.Store store(String shopifyDomain) {
        return new StoreProperties.Store(null, "CNY", null, shopifyDomain, List.of(), false, null);
    }
}

package io.storeops.refund.replies.web;

import io.storeops.platform.stores.StoreCatalog;
import io.storeops.refund.complaints.StorefrontReplies;
import io.storeops.refund.payout.StorePayoutProperties;
import io.storeops.refund.payout.web.PayoutGateways;
import io.storeops.refund.replies.StoreReplyProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Each store's channel for review replies, built at start from its {@code reviews.replies}: its
 * marketplace's review API or the simulated storefront; none for a store whose staff post replies
 * in the marketplace's back office. A store whose channel lacks what it needs stops the service at
 * start.
 */
@Component
public class ReviewReplyChannels implements StorefrontReplies {

    private final Map<String, ReviewReplyChannel> byStore = new HashMap<>();

    public ReviewReplyChannels(
            StoreCatalog stores,
            StoreReplyProperties settings,
            StorePayoutProperties marketplaces,
            SimulatedReplyChannel simulated) {
        WebClient.Builder clients = WebClient.builder();
        for (String storeId : stores.storeIds()) {
            switch (settings.channelOf(storeId)) {
                case "simulated" -> byStore.put(storeId, simulated);
                case "marketplace" ->
                    byStore.put(
                            storeId,
                            new MarketplaceReplyChannel(PayoutGateways.marketplaceApi(
                                    storeId, marketplaces, "review replies through the marketplace", clients)));
                default -> {
                    // none: staff post the reply in the marketplace's back office. Shopify has no review API of its
                    // own (a shop's reviews live in third-party apps), so Shopify stores take none.
                }
            }
        }
    }

    /** The channel {@code storeId}'s replies are posted through, if any. */
    public Optional<ReviewReplyChannel> of(String storeId) {
        return Optional.ofNullable(byStore.get(storeId));
    }

    @Override
    public boolean postsReplies(String storeId) {
        return byStore.containsKey(storeId);
    }

    /** The stores whose replies StoreOps posts. */
    public Set<String> storesPosting() {
        return Set.copyOf(byStore.keySet());
    }
}

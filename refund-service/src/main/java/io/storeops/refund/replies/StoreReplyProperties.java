package io.storeops.refund.replies;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each store's review replies reach its storefront, bound where it is used:
 * {@code storeops.stores.<store>.reviews.replies} beside the store's identity, which platform binds.
 */
@ConfigurationProperties("storeops")
public record StoreReplyProperties(Map<String, StoreReviews> stores) {

    /**
     * How a store's replies may be posted: {@code none} (staff post each one in the marketplace's
     * back office), {@code simulated} (the standalone's storefront) or {@code marketplace} (the native
     * marketplace's open API, at the store's {@code payouts.marketplace.*}). Shopify has no review
     * API of its own (a shop's reviews live in third-party apps), so a Shopify store takes none.
     */
    public static final Set<String> CHANNELS = Set.of("none", "simulated", "marketplace");

    public StoreReplyProperties {
        stores = stores == null ? Map.of() : Map.copyOf(stores);
        stores.forEach((storeId, store) -> {
            String channel = store.reviews().replies();
            if (channel != null && !CHANNELS.contains(channel)) {
                throw new IllegalArgumentException("storeops.stores." + storeId + ".reviews.replies must be one of "
                        + CHANNELS.stream().sorted().collect(Collectors.joining(", ")) + ": " + channel);
            }
        });
    }

    /** The part of a store's settings that the reply posts read. */
    public record StoreReviews(ReviewSettings reviews) {

        public StoreReviews {
            reviews = reviews == null ? new ReviewSettings(null) : reviews;
        }
    }

    /** @param replies how the store's replies are posted, one of {@link #CHANNELS} (default none) */
    public record ReviewSettings(String replies) {}

    /** How {@code storeId}'s replies are posted: {@code none} unless the store names a channel. */
    public String channelOf(String storeId) {
        StoreReviews store = stores.get(storeId);
        String channel = store == null ? null : store.reviews().replies();
        return channel == null ? "none" : channel;
    }
}

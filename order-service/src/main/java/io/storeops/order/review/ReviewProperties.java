package io.storeops.order.review;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The review rules of each store, bound where they are used: {@code storeops.stores.<store>.review.*}
 * beside the store's identity, currency, zone and secrets, which platform binds.
 */
@ConfigurationProperties("storeops")
public record ReviewProperties(Map<String, StoreReview> stores) {

    public ReviewProperties {
        stores = stores == null ? Map.of() : Map.copyOf(stores);
    }

    /** The part of a store's settings that order review reads. */
    public record StoreReview(ReviewSettings review) {

        public StoreReview {
            review = review == null ? ReviewSettings.DEFAULTS : review;
        }
    }

    /** The rules of {@code storeId}; the defaults for a store that configures none. */
    public HoldRules rulesOf(String storeId) {
        StoreReview store = stores.get(storeId);
        return new HoldRules(store == null ? ReviewSettings.DEFAULTS : store.review());
    }
}

package io.storeops.order.review;

import io.storeops.order.lifecycle.AddressDoubts;
import io.storeops.order.lifecycle.HoldReason;
import io.storeops.order.lifecycle.ReviewPolicy;
import io.storeops.order.lifecycle.StorefrontOrder;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The review rules of each store, bound where they are used: {@code storeops.stores.<store>.review.*}
 * beside the store's identity, currency, zone and secrets, which platform binds.
 */
@ConfigurationProperties("storeops")
public record ReviewProperties(Map<String, StoreReview> stores) implements ReviewPolicy {

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

    @Override
    public Set<HoldReason> holdsFor(StorefrontOrder paid) {
        return rulesOf(paid.storeId())
                .reasonsFor(paid.buyerNote(), paid.shippingAddress(), paid.requestedCarrier(), paid.total());
    }

    @Override
    public AddressDoubts addressDoubts(String storeId) {
        return rulesOf(storeId).addressCheck();
    }
}

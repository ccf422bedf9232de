package io.storeops.refund.cases;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Each store's after-sale terms, bound where they are used: {@code storeops.stores.<store>.after-sale.*}
 * beside the store's identity, currency and zone, which platform binds. A store that configures
 * none has no timers, no approval at once and free-text reasons.
 */
@ConfigurationProperties("storeops")
public record AfterSaleProperties(Map<String, StoreAfterSale> stores) {

    public AfterSaleProperties {
        stores = stores == null ? Map.of() : Map.copyOf(stores);
        // a mistyped setting stops the service at start, not the first case of the store
        stores.values().forEach(StoreAfterSale::policy);
    }

    /**
     * The part of a store's settings that the after-sale desk reads.
     *
     * @param afterSale durations as ISO-8601 ({@code P2D}, {@code PT48H}); amounts in minor units
     */
    public record StoreAfterSale(AfterSaleSettings afterSale) {

        AfterSalePolicy policy() {
            return afterSale == null ? AfterSalePolicy.NONE : afterSale.policy();
        }
    }

    /**
     * @param answerWithin          the seller's time to answer a request before it is approved automatically
     * @param shipReturnWithin      the buyer's time to ship an approved return before the case closes
     * @param confirmReceiptWithin  the seller's time to confirm a shipped return before it is paid back
     * @param autoApproveBelowMinor refund-only requests below this amount are approved at once
     * @param reasonCodes           the reasons customer service picks from when entering a case
     * @param lowRating             reviews rated at or below this go to customer service (default 3)
     */
    public record AfterSaleSettings(
            Duration answerWithin,
            Duration shipReturnWithin,
            Duration confirmReceiptWithin,
            Long autoApproveBelowMinor,
            List<String> reasonCodes,
            Integer lowRating) {

        AfterSalePolicy policy() {
            return new AfterSalePolicy(
                    answerWithin,
                    shipReturnWithin,
                    confirmReceiptWithin,
                    autoApproveBelowMinor == null ? 0 : autoApproveBelowMinor,
                    reasonCodes,
                    lowRating == null ? AfterSalePolicy.DEFAULT_LOW_RATING : lowRating);
        }
    }

    /** The terms of {@code storeId}. */
    public AfterSalePolicy policyOf(String storeId) {
        StoreAfterSale store = stores.get(storeId);
        return store == null ? AfterSalePolicy.NONE : store.policy();
    }
}

package io.storeops.order.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.order.lifecycle.HoldReason;
import io.storeops.platform.stores.StoreProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReviewPropertiesTest {

    /** The README's example of a store's settings: identity and secrets for platform, review rules for order-service. */
    private static final Binder SETTINGS = new Binder(new MapConfigurationPropertySource(Map.of(
            "storeops.stores.shopify-us.currency", "USD",
            "storeops.stores.shopify-us.zone", "America/New_York",
            "storeops.stores.shopify-us.review.buyer-note", "false",
            "storeops.stores.shopify-us.review.high-value-minor", "50000",
            "storeops.stores.shopify-us.review.carriers-without-po-box", "UPS")));

    @Test
    void aStoresReviewRulesAreBoundByOrderServiceBesideWhatPlatformBinds() {
        ReviewProperties review =
                SETTINGS.bind("storeops", ReviewProperties.class).get();
        StoreProperties stores =
                SETTINGS.bind("storeops", StoreProperties.class).get();

        assertThat(review.stores().get("shopify-us").review())
                .isEqualTo(new ReviewSettings(false, true, 50_000L, List.of("UPS")));
        assertThat(review.rulesOf("shopify-us").reasonsFor("leave at the door", null, "UPS", new Money(60_000, "USD")))
                .contains(HoldReason.HIGH_VALUE)
                .doesNotContain(HoldReason.BUYER_NOTE);
        assertThat(stores.stores().get("shopify-us").currency()).isEqualTo("USD");
    }

    @Test
    void aStoreWithoutReviewSettingsHasTheDefaults() {
        ReviewProperties review =
                SETTINGS.bind("storeops", ReviewProperties.class).get();

        assertThat(review.rulesOf("tmall-flagship").reasonsFor("请发顺丰", null, "SF", new Money(100, "CNY")))
                .contains(HoldReason.BUYER_NOTE, HoldReason.ADDRESS_CHECK);
    }
}

package io.storeops.order.intake.web;

import io.storeops.order.lifecycle.StorefrontOrder;
import java.time.Clock;

/**
 * Turns storefront payloads into {@link StorefrontOrder}s: exact money in the store's currency, at
 * least one line, positive quantities, totals that add up ({@link IntakeChecks}). Anything else is
 * an {@link IntakeRejected}. Each format has its own translation: {@link ShopifyOrders},
 * {@link NativeOrders}.
 */
public class OrderIntake {

    public static final String SHOPIFY_CHANNEL = "shopify";
    public static final String NATIVE_CHANNEL = "storefront";

    private final Clock clock;

    public OrderIntake(Clock clock) {
        this.clock = clock;
    }

    /** The facts of a Shopify order ({@link ShopifyOrders#from}). */
    public StorefrontOrder fromShopify(
            ShopifyOrderPayload payload, String storeId, String storeCurrency, boolean paid) {
        return ShopifyOrders.from(payload, storeId, storeCurrency, paid, clock.instant());
    }

    /** The facts of a native storefront order ({@link NativeOrders#from}). */
    public StorefrontOrder fromNative(NativeOrderPayload payload, String storeId, String storeCurrency, boolean paid) {
        return NativeOrders.from(payload, storeId, storeCurrency, paid, clock.instant());
    }
}

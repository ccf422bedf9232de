package io.storeops.standalone;

import java.util.List;
import java.util.stream.Stream;

/**
 * The two demo stores of standalone mode. Their webhook secrets are development values, published
 * in the README for local use only; production stores take their secrets from the environment.
 */
final class DemoStores {

    static final String TMALL = "tmall-flagship";
    static final String TMALL_SECRET = "demo-storefront-secret";
    static final String SHOPIFY = "shopify-us";
    static final String SHOPIFY_DOMAIN = "storeops-demo.myshopify.com";
    static final String SHOPIFY_SECRET = "demo-shopify-secret";
    /** Tracking feeds: SF pushing in StoreOps' own format, and the two aggregators. */
    static final List<String> CARRIER_FEEDS = List.of("sf", "aftership", "kuaidi100");

    static final String CARRIER_SECRET = "demo-carrier-secret";

    private DemoStores() {}

    /** Configuration every service of the standalone system receives. */
    static List<String> properties() {
        List<String> stores = List.of(
                "storeops.stores." + TMALL + ".name=Tmall flagship (天猫旗舰店)",
                "storeops.stores." + TMALL + ".currency=CNY",
                "storeops.stores." + TMALL + ".zone=Asia/Shanghai",
                "storeops.stores." + TMALL + ".webhook-secrets=" + TMALL_SECRET,
                "storeops.stores." + TMALL + ".dispatch.sender-address=浙江省杭州市余杭区文一西路 969 号",
                "storeops.stores." + TMALL + ".dispatch.sender-phone=0571-88880000",
                "storeops.stores." + SHOPIFY + ".name=Shopify US",
                "storeops.stores." + SHOPIFY + ".currency=USD",
                "storeops.stores." + SHOPIFY + ".zone=America/New_York",
                "storeops.stores." + SHOPIFY + ".shopify-domain=" + SHOPIFY_DOMAIN,
                "storeops.stores." + SHOPIFY + ".webhook-secrets=" + SHOPIFY_SECRET,
                // Like a Shopify shop fulfilling what it has: what is short follows in a second parcel.
                "storeops.stores." + SHOPIFY + ".dispatch.partial-shipment=true");
        return Stream.concat(
                        stores.stream(),
                        Stream.concat(
                                CARRIER_FEEDS.stream()
                                        .map(feed ->
                                                "storeops.carriers." + feed + ".webhook-secrets=" + CARRIER_SECRET),
                                // refunds are paid back through a simulated gateway, as a demo has no real one
                                Stream.of("storeops.payouts.gateway=simulated")))
                .toList();
    }
}

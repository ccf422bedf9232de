package io.storeops.standalone;

import io.storeops.platform.security.StaffRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
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

    /** The reasons a Tmall buyer picks from (质量问题, 破损, 发错货, 少件, 与描述不符, 七天无理由, 未按约定时间发货, 不想要了). */
    static final List<String> TMALL_REASONS = List.of(
            "QUALITY",
            "DAMAGED",
            "WRONG_ITEM",
            "MISSING_PART",
            "NOT_AS_DESCRIBED",
            "NO_REASON_7_DAYS",
            "LATE_DELIVERY",
            "CHANGED_MIND");

    private DemoStores() {}

    /**
     * The demo department, one dev identity per role working for both stores: whose reading of
     * each product's selling points the supervisor follows up in the listing flow.
     */
    static List<String> department() {
        List<String> members = new ArrayList<>();
        List<StaffRole> roles = Arrays.stream(StaffRole.values())
                .filter(role -> role != StaffRole.OPERATOR)
                .toList();
        for (int index = 0; index < roles.size(); index++) {
            String member = "storeops.listing.staff[" + index + "].";
            members.add(member + "username=" + DevCredentials.username(roles.get(index)));
            members.add(member + "role=" + roles.get(index).name());
            members.add(member + "stores=" + TMALL + "," + SHOPIFY);
        }
        return members;
    }

    /** Configuration every service of the standalone system receives. */
    static List<String> properties() {
        List<String> stores = List.of(
                "storeops.stores." + TMALL + ".name=Tmall flagship (天猫旗舰店)",
                "storeops.stores." + TMALL + ".currency=CNY",
                "storeops.stores." + TMALL + ".zone=Asia/Shanghai",
                "storeops.stores." + TMALL + ".webhook-secrets=" + TMALL_SECRET,
                // the hours customer service answers buyers (the alert on orders no longer arriving holds then)
                "storeops.stores." + TMALL + ".opening-hours=09:00-23:00",
                "storeops.stores." + TMALL + ".dispatch.sender-address=浙江省杭州市余杭区文一西路 969 号",
                "storeops.stores." + TMALL + ".dispatch.sender-phone=0571-88880000",
                // Tmall's after-sale terms: the seller answers in two days, the buyer ships a return in seven,
                // the seller confirms it in ten; refunds only under 10.00 need no supervisor
                "storeops.stores." + TMALL + ".after-sale.answer-within=P2D",
                "storeops.stores." + TMALL + ".after-sale.ship-return-within=P7D",
                "storeops.stores." + TMALL + ".after-sale.confirm-receipt-within=P10D",
                "storeops.stores." + TMALL + ".after-sale.auto-approve-below-minor=1000",
                "storeops.stores." + TMALL + ".after-sale.reason-codes=" + String.join(",", TMALL_REASONS),
                // its replies to reviews are posted on the storefront, here a simulated one; Shopify has no review
                // API of its own, so the Shopify store's staff post theirs by hand
                "storeops.stores." + TMALL + ".reviews.replies=simulated",
                "storeops.stores." + SHOPIFY + ".name=Shopify US",
                "storeops.stores." + SHOPIFY + ".currency=USD",
                "storeops.stores." + SHOPIFY + ".zone=America/New_York",
                "storeops.stores." + SHOPIFY + ".shopify-domain=" + SHOPIFY_DOMAIN,
                "storeops.stores." + SHOPIFY + ".webhook-secrets=" + SHOPIFY_SECRET,
                // Like a Shopify shop fulfilling what it has: what is short follows in a second parcel.
                "storeops.stores." + SHOPIFY + ".dispatch.partial-shipment=true");
        List<String> configuration = Stream.concat(
                        stores.stream(),
                        Stream.concat(
                                CARRIER_FEEDS.stream()
                                        .map(feed ->
                                                "storeops.carriers." + feed + ".webhook-secrets=" + CARRIER_SECRET),
                                // refunds are paid back through a simulated gateway, as a demo has no real one;
                                Stream.of(
                                        "storeops.payouts.gateway=simulated",
                                        // the review replies to post are looked for often, so that one shows
                                        // posted moments after it is written
                                        "storeops.reviews.replies.interval=PT2S",
                                        // a demo lets an operator move a service's clock, so that a two-day timer
                                        // runs out in the walk-through
                                        "storeops.clock.adjustable=true",
                                        "storeops.after-sale.timer-interval=PT2S",
                                        // each store's refund sheet of the day before, for the team (汇总成表格放入共享)
                                        "storeops.refund-sheets.folder=${STOREOPS_DATA_DIR:storeops-data}/refund-sheets",
                                        // each store's weekly report of the week just over, for the manager (每周总计运营报表)
                                        "storeops.analytics.weekly-reports.folder="
                                                + "${STOREOPS_DATA_DIR:storeops-data}/weekly-reports")))
                .collect(Collectors.toCollection(ArrayList::new));
        configuration.addAll(department());
        return List.copyOf(configuration);
    }
}

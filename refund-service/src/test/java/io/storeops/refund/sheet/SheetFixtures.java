package io.storeops.refund.sheet;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.AfterSalePolicy;
import io.storeops.refund.cases.CaseLine;
import io.storeops.refund.cases.CaseType;
import io.storeops.refund.cases.Parcel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * After-sale files around 28 November 2026 in the Tmall store's zone (Asia/Shanghai, eight hours
 * ahead of UTC), as the desk leaves them: each order two teas at 128.00 and a cup at 30.00, 10.00
 * shipping and 10.00 off, 286.00 paid.
 */
final class SheetFixtures {

    static final String STORE = "tmall-flagship";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate NOVEMBER_28 = LocalDate.of(2026, 11, 28);

    /** The store has no marketplace timers, no approval at once, and takes any reason. */
    private static final AfterSalePolicy NONE = AfterSalePolicy.NONE;

    private SheetFixtures() {}

    /**
     * Order T1's cases: {@code rf-old} opened on the 26th and rejected on the 28th; {@code rf-late-27}
     * opened a second before the 28th began; {@code rf-first-second} (a return) opened as it began;
     * {@code rf-in} opened, approved and paid back on the 28th; {@code rf-after} opened as the 29th
     * began. Order T2 cancelled before dispatch on the 28th, its refund approved automatically. A
     * case of another store on the 28th.
     */
    static List<AfterSale> files() {
        AfterSale first = opened("tmall-flagship:T1", STORE, "CNY")
                .request(refundOnly("rf-old", "late", List.of(), 1000), "cs.li", at("2026-11-26T02:00:00Z"), NONE)
                .state()
                .request(
                        refundOnly("rf-late-27", "late", List.of(new CaseLine(0, 0, 100)), 0),
                        "cs.wang",
                        at("2026-11-27T15:59:59Z"),
                        NONE)
                .state()
                .request(
                        new AfterSale.Request(
                                "rf-first-second",
                                CaseType.RETURN_AND_REFUND,
                                "cracked on arrival",
                                true,
                                List.of(new CaseLine(0, 1, 12800)),
                                0,
                                List.of(),
                                "CS"),
                        "cs.wang",
                        at("2026-11-27T16:00:00Z"),
                        NONE)
                .state()
                .reject("rf-old", "sup.chen", "no delay on the tracking", at("2026-11-28T01:00:00Z"))
                .state()
                .request(
                        refundOnly("rf-in", "cracked on arrival", List.of(new CaseLine(1, 1, 3000)), 0),
                        "cs.li",
                        at("2026-11-28T02:00:00Z"),
                        NONE)
                .state()
                .approve("rf-in", "sup.chen", false, "photos", at("2026-11-28T03:00:00Z"), NONE)
                .state()
                .paid("rf-in", "TB-1", "cs.li", at("2026-11-28T04:00:00Z"))
                .state()
                .request(
                        refundOnly("rf-after", "late", List.of(new CaseLine(0, 0, 100)), 0),
                        "cs.li",
                        at("2026-11-28T16:00:00Z"),
                        NONE)
                .state();
        AfterSale cancelled = opened("tmall-flagship:T2", STORE, "CNY")
                .parcelMoved("shp-tmall-flagship:T2", Parcel.Status.STOPPED, at("2026-11-28T05:00:00Z"))
                .state()
                .cancelledBeforeDispatch("buyer ordered twice", at("2026-11-28T05:00:00Z"))
                .state();
        AfterSale elsewhere = opened("shopify-us:S1", "shopify-us", "USD")
                .request(
                        refundOnly("rf-us", "late", List.of(new CaseLine(0, 0, 100)), 0),
                        "cs.ann",
                        at("2026-11-28T02:00:00Z"),
                        NONE)
                .state();
        return List.of(first, cancelled, elsewhere);
    }

    static RefundSheet.Scope days(LocalDate from, LocalDate to) {
        return new RefundSheet.Scope(STORE, SHANGHAI, from, to, null, null);
    }

    static AfterSale opened(String orderId, String storeId, String currency) {
        OrderPaid paid = new OrderPaid(
                orderId,
                storeId,
                "storefront",
                orderId.substring(orderId.indexOf(':') + 1),
                List.of(
                        new OrderLine("TEA-LJ-250", "西湖龙井 250g", 2, new Money(12800, currency)),
                        new OrderLine("CUP-GL-01", "Glass cup", 1, new Money(3000, currency))),
                new Money(1000, currency),
                new Money(28600, currency),
                at("2026-11-20T02:00:00Z"),
                null,
                null,
                null,
                List.of(),
                null);
        return AfterSale.open(Optional.empty(), paid).state();
    }

    static AfterSale.Request refundOnly(String caseId, String reason, List<CaseLine> lines, long shippingMinor) {
        return new AfterSale.Request(
                caseId, CaseType.REFUND_ONLY, reason, false, lines, shippingMinor, List.of(), "CS");
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}

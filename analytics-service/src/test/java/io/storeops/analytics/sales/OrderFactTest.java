package io.storeops.analytics.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.LineAmount;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderFactTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId HANGZHOU = ZoneId.of("Asia/Shanghai");

    @Test
    void theDayOfPaymentIsTheStoresLocalDay() {
        OrderPaid paidLateEvening = paid("shopify-us:1", "shopify-us", "USD", 4448, "2026-11-28T03:30:00Z");

        OrderFact fact =
                OrderFact.paid(Optional.empty(), paidLateEvening, NEW_YORK).state();

        assertThat(fact.paidDay()).isEqualTo("2026-11-27");
        assertThat(fact.paidHour()).isEqualTo(22);
        assertThat(fact.gmvMinor()).isEqualTo(4448);
        assertThat(OrderFact.paid(Optional.of(fact), paidLateEvening, NEW_YORK).isNone())
                .isTrue();
    }

    @Test
    void aPaidOrderKeepsItsLinesAttributionAndRegion() {
        OrderFact fact = OrderFact.paid(
                        Optional.empty(),
                        paid("tmall-flagship:T1", "tmall-flagship", "CNY", 29500, "2026-11-28T06:15:00Z"),
                        HANGZHOU)
                .state();

        assertThat(fact.paidHour()).as("14:15 in Hangzhou").isEqualTo(14);
        assertThat(fact.attribution()).isEqualTo(new Attribution("tmall", "cpc", "双十二预热", "龙井"));
        assertThat(fact.province()).isEqualTo("浙江省");
        assertThat(fact.city()).isEqualTo("杭州市");
        assertThat(fact.lines()).containsExactly(new OrderFact.Line("TEA-LJ-250", "西湖龙井 250g", 2, 12800));
        assertThat(fact.channel()).isEqualTo("storefront");
    }

    @Test
    void whatHappensAfterThePaymentIsKeptOnceWithItsOwnDayEvenWhenItArrivesFirst() {
        Instant dispatched = Instant.parse("2026-11-28T07:00:00Z");
        OrderFact shippedFirst = OrderFact.shipped(Optional.empty(), dispatch("shp-1", dispatched), HANGZHOU)
                .state();
        assertThat(shippedFirst.paidDay()).as("counts in no sales until paid").isNull();

        OrderFact paid = OrderFact.paid(
                        Optional.of(shippedFirst),
                        paid("tmall-flagship:T1", "tmall-flagship", "CNY", 29500, "2026-11-28T06:15:00Z"),
                        HANGZHOU)
                .state();
        assertThat(paid.shippedAt()).as("the payment completes the fact").isEqualTo(dispatched);
        assertThat(OrderFact.shipped(Optional.of(paid), dispatch("shp-1", Instant.now()), HANGZHOU)
                        .isNone())
                .as("a parcel leaves once")
                .isTrue();
        OrderFact secondParcel = OrderFact.shipped(
                        Optional.of(paid), dispatch("shp-2", Instant.parse("2026-11-29T07:00:00Z")), HANGZHOU)
                .state();
        assertThat(secondParcel.shippedAt()).as("the order's first dispatch").isEqualTo(dispatched);
        assertThat(secondParcel.parcels())
                .extracting(OrderFact.Parcel::shipmentId, OrderFact.Parcel::batchId, OrderFact.Parcel::dispatchedDay)
                .containsExactly(tuple("shp-1", "batch-1", "2026-11-28"), tuple("shp-2", "batch-1", "2026-11-29"));

        Instant refundedAt = Instant.parse("2026-12-01T17:30:00Z");
        RefundCompleted oneTin = new RefundCompleted(
                "tmall-flagship:T1",
                "tmall-flagship",
                "rf-1",
                new Money(13800, "CNY"),
                refundedAt,
                List.of(new LineAmount("TEA-LJ-250", 1, new Money(12800, "CNY"))));
        OrderFact refunded =
                OrderFact.refunded(Optional.of(paid), oneTin, HANGZHOU).state();
        assertThat(refunded.refunds())
                .containsExactly(new OrderFact.Refund(
                        "rf-1",
                        13800,
                        refundedAt,
                        "2026-12-02",
                        List.of(new OrderFact.SkuAmount("TEA-LJ-250", 12800))));
        assertThat(refunded.netMinor()).isEqualTo(29500 - 13800);
        assertThat(refunded.refundedMinor("TEA-LJ-250"))
                .as("the shipping paid back stays with the order")
                .isEqualTo(12800);
        assertThat(refunded.refundedMinor("CUP-GL-01")).isZero();
        assertThat(OrderFact.refunded(Optional.of(refunded), oneTin, HANGZHOU).isNone())
                .as("each refund once")
                .isTrue();

        OrderFact cancelled = OrderFact.cancelled(
                        Optional.of(refunded),
                        "tmall-flagship:T1",
                        "tmall-flagship",
                        Instant.parse("2026-11-28T16:30:00Z"),
                        HANGZHOU)
                .state();
        assertThat(cancelled.cancelledDay())
                .as("the cancellation's own day, beside the order's")
                .isEqualTo("2026-11-29");
        assertThat(cancelled.paidDay()).isEqualTo("2026-11-28");
    }

    @Test
    void aParcelInTroubleStaysSoUntilItIsDeliveredOrLeavesAfterTheWarehouseFoundIt() {
        Instant found = Instant.parse("2026-11-28T03:00:00Z"); // 11:00 in Hangzhou
        OrderFact missingParts = OrderFact.troubled(
                        Optional.empty(),
                        new ShipmentException(
                                "tmall-flagship:T1",
                                "tmall-flagship",
                                "shp-1",
                                "ACCESSORIES_MISMATCH",
                                "no lid",
                                found),
                        HANGZHOU)
                .state();
        assertThat(OrderFact.troubled(
                                Optional.of(missingParts),
                                new ShipmentException(
                                        "tmall-flagship:T1",
                                        "tmall-flagship",
                                        "shp-1",
                                        "ACCESSORIES_MISMATCH",
                                        "no lid",
                                        found),
                                HANGZHOU)
                        .isNone())
                .as("each report once")
                .isTrue();
        OrderFact.Parcel waiting = missingParts.parcel("shp-1").orElseThrow();
        assertThat(waiting.inTroubleAtTheEndOf("2026-11-27"))
                .as("not yet reported")
                .isFalse();
        assertThat(waiting.inTroubleAtTheEndOf("2026-11-28")).isTrue();

        OrderFact.Parcel leftNextDay = OrderFact.shipped(
                        Optional.of(missingParts), dispatch("shp-1", Instant.parse("2026-11-29T02:00:00Z")), HANGZHOU)
                .state()
                .parcel("shp-1")
                .orElseThrow();
        assertThat(leftNextDay.inTroubleAtTheEndOf("2026-11-28")).isTrue();
        assertThat(leftNextDay.inTroubleAtTheEndOf("2026-11-29"))
                .as("put right and sent")
                .isFalse();
    }

    @Test
    void aLineWhoseItemWasChangedIsTheNewSkuSoItsRefundsComeOffTheItemSold() {
        OrderFact paid = OrderFact.paid(
                        Optional.empty(),
                        paid("tmall-flagship:T1", "tmall-flagship", "CNY", 25600, "2026-11-28T06:15:00Z"),
                        HANGZHOU)
                .state();
        OrderItemChanged toTheBigTin = new OrderItemChanged(
                "tmall-flagship:T1",
                "tmall-flagship",
                0,
                "TEA-LJ-250",
                "TEA-LJ-500",
                "西湖龙井 500g",
                2,
                new Money(0, "CNY"),
                "cs.li",
                Instant.parse("2026-11-28T07:00:00Z"));

        OrderFact changed =
                OrderFact.itemChanged(Optional.of(paid), toTheBigTin).state();

        assertThat(changed.lines()).containsExactly(new OrderFact.Line("TEA-LJ-500", "西湖龙井 500g", 2, 12800));
        assertThat(changed.gmvMinor()).as("the amount stays").isEqualTo(25600);
        assertThat(OrderFact.itemChanged(Optional.of(changed), toTheBigTin).isNone())
                .as("once")
                .isTrue();
        assertThat(OrderFact.itemChanged(Optional.empty(), toTheBigTin).isNone())
                .as("nothing to change before the payment")
                .isTrue();
    }

    private static ShipmentDispatched dispatch(String shipmentId, Instant at) {
        return new ShipmentDispatched(
                "tmall-flagship:T1", "tmall-flagship", shipmentId, "SF", "SF1", "batch-1", List.of(), "wh", at);
    }

    private static OrderPaid paid(String orderId, String storeId, String currency, long totalMinor, String paidAt) {
        return new OrderPaid(
                orderId,
                storeId,
                "storefront",
                orderId,
                List.of(new OrderLine("TEA-LJ-250", "西湖龙井 250g", 2, new Money(12800, currency))),
                Money.zero(currency),
                new Money(totalMinor, currency),
                Instant.parse(paidAt),
                new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号", null, "310012"),
                null,
                null,
                List.of(),
                new Attribution("tmall", "cpc", "双十二预热", "龙井"));
    }
}

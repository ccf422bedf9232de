package io.storeops.order.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.order.lifecycle.PaidOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderIntakeTest {

    private final OrderIntake intake = new OrderIntake(Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC));

    @Test
    void shopifyMoneyIsConvertedExactlyAndShippingLinesAreSummed() {
        PaidOrder paid = intake.fromShopify(shopify("USD", "2", "19.99", List.of("4.50", "1.00"), "44.48"), "shopify-us", "USD");

        assertThat(paid.orderId()).isEqualTo("shopify-us:5001");
        assertThat(paid.lines()).containsExactly(new OrderLine("MUG-1", "Mug", 2, new Money(1999, "USD")));
        assertThat(paid.shippingFee()).isEqualTo(new Money(550, "USD"));
        assertThat(paid.total()).isEqualTo(new Money(4448, "USD"));
        assertThat(paid.paidAt()).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(paid.buyerNote()).isEqualTo("leave at the door");
    }

    @Test
    void shopifyOrdersInAnotherCurrencyOrWithInexactMoneyOrNoQuantityAreRejected() {
        assertThatThrownBy(() -> intake.fromShopify(shopify("EUR", "1", "19.99", List.of(), "19.99"), "shopify-us", "USD"))
                .isInstanceOf(IntakeRejected.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> intake.fromShopify(shopify("USD", "1", "19.999", List.of(), "19.99"), "shopify-us", "USD"))
                .isInstanceOf(IntakeRejected.class).hasMessageContaining("decimals");
        assertThatThrownBy(() -> intake.fromShopify(shopify("USD", "0", "19.99", List.of(), "0"), "shopify-us", "USD"))
                .isInstanceOf(IntakeRejected.class).hasMessageContaining("quantity");
        assertThatThrownBy(() -> intake.fromShopify(shopify("USD", "1", "-1.00", List.of(), "0"), "shopify-us", "USD"))
                .isInstanceOf(IntakeRejected.class).hasMessageContaining("negative");
    }

    @Test
    void nativeTotalsMustAddUp() {
        NativeOrderPayload good = nativeOrder(29500L);
        NativeOrderPayload wrong = nativeOrder(29000L);

        assertThat(intake.fromNative(good, "tmall-flagship", "CNY").total()).isEqualTo(new Money(29500, "CNY"));
        assertThatThrownBy(() -> intake.fromNative(wrong, "tmall-flagship", "CNY"))
                .isInstanceOf(IntakeRejected.class).hasMessageContaining("lines plus shipping");
    }

    @Test
    void anOrderWithoutLinesIsRejected() {
        NativeOrderPayload empty = new NativeOrderPayload("T1", "CNY", List.of(), 0L, 0L, null, null, null, null, null);

        assertThatThrownBy(() -> intake.fromNative(empty, "tmall-flagship", "CNY")).hasMessageContaining("at least one line");
    }

    private static ShopifyOrderPayload shopify(String currency, String quantity, String price, List<String> shipping, String total) {
        return new ShopifyOrderPayload(5001L, "#5001", currency, total, "2026-11-28T00:00:00-05:00", "leave at the door", null,
                List.of(new ShopifyOrderPayload.LineItem("MUG-1", "Mug", Integer.valueOf(quantity), price, 1L)),
                shipping.stream().map(fee -> new ShopifyOrderPayload.ShippingLine("Standard", "STD", fee)).toList(),
                null);
    }

    private static NativeOrderPayload nativeOrder(long totalMinor) {
        return new NativeOrderPayload("T20261128-000123", "CNY",
                List.of(new NativeOrderPayload.Line("TEA-LJ-250", "西湖龙井 250g", 2, 12800L),
                        new NativeOrderPayload.Line("CUP-GL-01", "玻璃杯", 1, 3900L)),
                0L, totalMinor, Instant.parse("2026-11-28T02:11:30Z"), null, "请发顺丰", "SF", null);
    }
}

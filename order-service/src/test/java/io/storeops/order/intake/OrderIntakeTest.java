package io.storeops.order.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.Attribution;
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
    void attributionComesFromTheLandingPagesUtmParametersThenTheReferrerThenTheSourceName() {
        assertThat(OrderIntake.attribution(withSites("/products/mug?utm_source=google&utm_medium=cpc&utm_campaign=winter%20sale&utm_term=tea+mug",
                "https://www.google.com/search?q=mug", "web")))
                .isEqualTo(new Attribution("google", "cpc", "winter sale", "tea mug"));
        assertThat(OrderIntake.attribution(withSites("/products/mug", "https://www.instagram.com/p/xyz", "web")))
                .isEqualTo(new Attribution("www.instagram.com", null, null, null));
        assertThat(OrderIntake.attribution(withSites(null, null, "pos"))).isEqualTo(new Attribution("pos", null, null, null));
        assertThat(OrderIntake.attribution(withSites("/?utm_source=%E0%A4%A", "not a url", null)).source())
                .as("malformed input is kept as text, never a failure").isEqualTo("%E0%A4%A");
    }

    @Test
    void currenciesWithoutAndWithThreeDecimalsConvertExactly() {
        PaidOrder yen = intake.fromShopify(shopify("JPY", "2", "1500", List.of("500"), "3500"), "tokyo", "JPY");
        PaidOrder dinar = intake.fromShopify(shopify("KWD", "1", "12.345", List.of("0.500"), "12.845"), "kuwait", "KWD");

        assertThat(yen.total()).isEqualTo(new Money(3500, "JPY"));
        assertThat(yen.lines().get(0).unitPrice()).isEqualTo(new Money(1500, "JPY"));
        assertThat(dinar.total()).isEqualTo(new Money(12845, "KWD"));
        assertThatThrownBy(() -> intake.fromShopify(shopify("JPY", "1", "1500.5", List.of(), "1500.5"), "tokyo", "JPY"))
                .isInstanceOf(IntakeRejected.class).hasMessageContaining("decimals");
    }

    private static ShopifyOrderPayload withSites(String landingSite, String referringSite, String sourceName) {
        return new ShopifyOrderPayload(1L, "#1", "USD", "1.00", null, null, null, landingSite, referringSite, sourceName,
                List.of(), List.of(), null);
    }

    @Test
    void anOrderWithoutLinesIsRejected() {
        NativeOrderPayload empty = new NativeOrderPayload("T1", "CNY", List.of(), 0L, 0L, null, null, null, null, null);

        assertThatThrownBy(() -> intake.fromNative(empty, "tmall-flagship", "CNY")).hasMessageContaining("at least one line");
    }

    private static ShopifyOrderPayload shopify(String currency, String quantity, String price, List<String> shipping, String total) {
        return new ShopifyOrderPayload(5001L, "#5001", currency, total, "2026-11-28T00:00:00-05:00", "leave at the door",
                null, null, null, null,
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

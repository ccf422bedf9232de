package io.storeops.order.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.Attribution;
import io.storeops.contracts.InvoiceRequest;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.order.lifecycle.Buyer;
import io.storeops.order.lifecycle.NoteAttribute;
import io.storeops.order.lifecycle.StorefrontOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderIntakeTest {

    private final OrderIntake intake =
            new OrderIntake(Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC));

    @Test
    void shopifyMoneyIsConvertedExactlyAndShippingLinesAreSummed() {
        StorefrontOrder paid = intake.fromShopify(
                shopify("USD", "2", "19.99", List.of("4.50", "1.00"), "44.48"), "shopify-us", "USD", true);

        assertThat(paid.orderId()).isEqualTo("shopify-us:5001");
        assertThat(paid.lines()).containsExactly(new OrderLine("MUG-1", "Mug", 2, new Money(1999, "USD"), "1"));
        assertThat(paid.shippingFee()).isEqualTo(new Money(550, "USD"));
        assertThat(paid.total()).isEqualTo(new Money(4448, "USD"));
        assertThat(paid.paidAt()).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(paid.updatedAt()).isEqualTo(Instant.parse("2026-11-28T05:00:05Z"));
        assertThat(paid.buyerNote()).isEqualTo("leave at the door");
    }

    @Test
    void shopifyOrdersInAnotherCurrencyOrWithInexactMoneyOrNoQuantityAreRejected() {
        assertThatThrownBy(() ->
                        intake.fromShopify(shopify("EUR", "1", "19.99", List.of(), "19.99"), "shopify-us", "USD", true))
                .isInstanceOf(IntakeRejected.class)
                .hasMessageContaining("currency");
        assertThatThrownBy(() -> intake.fromShopify(
                        shopify("USD", "1", "19.999", List.of(), "19.99"), "shopify-us", "USD", true))
                .isInstanceOf(IntakeRejected.class)
                .hasMessageContaining("decimals");
        assertThatThrownBy(() ->
                        intake.fromShopify(shopify("USD", "0", "19.99", List.of(), "0"), "shopify-us", "USD", true))
                .isInstanceOf(IntakeRejected.class)
                .hasMessageContaining("quantity");
        assertThatThrownBy(() ->
                        intake.fromShopify(shopify("USD", "1", "-1.00", List.of(), "0"), "shopify-us", "USD", true))
                .isInstanceOf(IntakeRejected.class)
                .hasMessageContaining("negative");
    }

    @Test
    void nativeTotalsMustAddUp() {
        NativeOrderPayload good = nativeOrder(29500L);
        NativeOrderPayload wrong = nativeOrder(29000L);

        assertThat(intake.fromNative(good, "tmall-flagship", "CNY", true).total())
                .isEqualTo(new Money(29500, "CNY"));
        assertThatThrownBy(() -> intake.fromNative(wrong, "tmall-flagship", "CNY", true))
                .isInstanceOf(IntakeRejected.class)
                .hasMessageContaining("lines plus shipping");
    }

    @Test
    void nativeDiscountsComeOffAndTaxesAreAddedUnlessThePricesIncludeThem() {
        StorefrontOrder discounted =
                intake.fromNative(nativeOrder(28500L, 1000L, null, null), "tmall-flagship", "CNY", true);
        StorefrontOrder taxed =
                intake.fromNative(nativeOrder(30500L, 1000L, 2000L, false), "tmall-flagship", "CNY", true);
        StorefrontOrder taxIncluded =
                intake.fromNative(nativeOrder(29500L, null, 3394L, true), "tmall-flagship", "CNY", true);

        assertThat(discounted.discount()).isEqualTo(new Money(1000, "CNY"));
        assertThat(taxed.tax()).isEqualTo(new Money(2000, "CNY"));
        assertThat(taxIncluded.tax()).isEqualTo(new Money(3394, "CNY"));
        assertThat(taxIncluded.total()).isEqualTo(new Money(29500, "CNY"));
        assertThatThrownBy(
                        () -> intake.fromNative(nativeOrder(29500L, 1000L, null, null), "tmall-flagship", "CNY", true))
                .isInstanceOf(IntakeRejected.class)
                .hasMessageContaining("minus the discount");
        assertThatThrownBy(() -> intake.fromNative(nativeOrder(29500L, -1L, null, null), "tmall-flagship", "CNY", true))
                .isInstanceOf(IntakeRejected.class)
                .hasMessageContaining("discountMinor");
    }

    @Test
    void aNativeOrderIsPaidOnlyWhenTheDeliveryReportsAPayment() {
        StorefrontOrder placed = intake.fromNative(nativeOrder(29500L), "tmall-flagship", "CNY", false);
        StorefrontOrder paid = intake.fromNative(nativeOrder(29500L), "tmall-flagship", "CNY", true);

        assertThat(placed.paidAt()).isNull();
        assertThat(placed.placedAt())
                .as("placed when paid, as far as StoreOps knows")
                .isEqualTo(Instant.parse("2026-11-28T02:11:30Z"));
        assertThat(paid.paidAt()).isEqualTo(Instant.parse("2026-11-28T02:11:30Z"));
        assertThat(paid.buyer()).isEqualTo(new Buyer("王芳", null, "13800138000"));
    }

    @Test
    void storefrontTimesAreKeptToTheMillisecondAsTheStoreKeepsThem() {
        NativeOrderPayload precise = nativeOrder(29500L);
        NativeOrderPayload withNanos = new NativeOrderPayload(
                precise.orderId(),
                precise.currency(),
                precise.lines(),
                precise.shippingFeeMinor(),
                null,
                null,
                null,
                precise.totalMinor(),
                Instant.parse("2026-11-28T02:10:00.123456789Z"),
                Instant.parse("2026-11-28T02:11:30.987654321Z"),
                null,
                precise.buyer(),
                null,
                null,
                null,
                null);

        StorefrontOrder paid = intake.fromNative(withNanos, "tmall-flagship", "CNY", true);

        assertThat(paid.placedAt()).isEqualTo(Instant.parse("2026-11-28T02:10:00.123Z"));
        assertThat(paid.paidAt()).isEqualTo(Instant.parse("2026-11-28T02:11:30.987Z"));
    }

    @Test
    void shopifyDiscountsTaxesNotesBuyerAndTimesAreRead() {
        ShopifyOrderPayload payload = new ShopifyOrderPayload(
                5002L,
                "#5002",
                "USD",
                "41.98",
                "5.00",
                "2.99",
                false,
                "pending",
                "2026-11-27T23:58:00-05:00",
                "2026-11-28T00:00:00-05:00",
                null,
                null,
                "gift wrap please",
                List.of(
                        new ShopifyOrderPayload.NoteAttribute("Requested_Carrier", "UPS"),
                        new ShopifyOrderPayload.NoteAttribute("gift_message", "Happy birthday!"),
                        new ShopifyOrderPayload.NoteAttribute(" ", "nameless is dropped")),
                List.of(new ShopifyOrderPayload.DiscountCode("WINTER5", "5.00", "fixed_amount")),
                null,
                null,
                null,
                "web",
                "amy@example.com",
                null,
                new ShopifyOrderPayload.Customer(77L, "old@example.com", "Amy", "Lee", "+1 555 0100"),
                List.of(
                        new ShopifyOrderPayload.LineItem(466157049L, "", "Hand-made mug", "Blue", 2, "19.99", 4411L),
                        new ShopifyOrderPayload.LineItem(null, null, "Gift card", null, 1, "0.00", null)),
                List.of(new ShopifyOrderPayload.ShippingLine("Standard", "STD", "4.00")),
                null);

        StorefrontOrder placed = intake.fromShopify(payload, "shopify-us", "USD", false);

        assertThat(placed.paidAt()).isNull();
        assertThat(placed.placedAt()).isEqualTo(Instant.parse("2026-11-28T04:58:00Z"));
        assertThat(placed.discount()).isEqualTo(new Money(500, "USD"));
        assertThat(placed.tax()).isEqualTo(new Money(299, "USD"));
        assertThat(placed.discountCodes()).containsExactly("WINTER5");
        assertThat(placed.noteAttributes())
                .containsExactly(
                        new NoteAttribute("Requested_Carrier", "UPS"),
                        new NoteAttribute("gift_message", "Happy birthday!"));
        assertThat(placed.requestedCarrier()).isEqualTo("UPS");
        assertThat(placed.buyer())
                .as("the order's e-mail wins over the customer record's")
                .isEqualTo(new Buyer("Amy Lee", "amy@example.com", "+1 555 0100"));
        assertThat(placed.lines())
                .extracting(OrderLine::sku)
                .as("no SKU: known by its variant, or by title alone")
                .containsExactly("shopify-variant-4411", null);
        assertThat(placed.lines())
                .extracting(OrderLine::lineId)
                .as("Shopify's line item ids, which its return requests name")
                .containsExactly("466157049", null);
        assertThat(intake.fromShopify(payload, "shopify-us", "USD", true).paidAt())
                .isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(payload.isPaid()).isFalse();
        assertThat(payload.isCancelled()).isFalse();
    }

    @Test
    void attributionComesFromTheLandingPagesUtmParametersThenTheReferrerThenTheSourceName() {
        assertThat(ShopifyOrders.attribution(withSites(
                        "/products/mug?utm_source=google&utm_medium=cpc&utm_campaign=winter%20sale&utm_term=tea+mug",
                        "https://www.google.com/search?q=mug", "web")))
                .isEqualTo(new Attribution("google", "cpc", "winter sale", "tea mug", "/products/mug"));
        assertThat(ShopifyOrders.attribution(withSites("/products/mug", "https://www.instagram.com/p/xyz", "web")))
                .isEqualTo(new Attribution("www.instagram.com", null, null, null, "/products/mug"));
        assertThat(ShopifyOrders.attribution(withSites(
                                "https://shop.example.com/products/%E8%8C%B6?utm_source=google#top", null, null))
                        .landingPage())
                .as("a whole address gives its path, decoded")
                .isEqualTo("/products/茶");
        assertThat(ShopifyOrders.attribution(withSites(null, null, "pos")))
                .isEqualTo(new Attribution("pos", null, null, null));
        assertThat(ShopifyOrders.attribution(withSites("/?utm_source=%E0%A4%A", "not a url", null))
                        .source())
                .as("malformed input is kept as text, never a failure")
                .isEqualTo("%E0%A4%A");
    }

    @Test
    void currenciesWithoutAndWithThreeDecimalsConvertExactly() {
        StorefrontOrder yen =
                intake.fromShopify(shopify("JPY", "2", "1500", List.of("500"), "3500"), "tokyo", "JPY", true);
        StorefrontOrder dinar =
                intake.fromShopify(shopify("KWD", "1", "12.345", List.of("0.500"), "12.845"), "kuwait", "KWD", true);

        assertThat(yen.total()).isEqualTo(new Money(3500, "JPY"));
        assertThat(yen.lines().get(0).unitPrice()).isEqualTo(new Money(1500, "JPY"));
        assertThat(dinar.total()).isEqualTo(new Money(12845, "KWD"));
        assertThatThrownBy(() ->
                        intake.fromShopify(shopify("JPY", "1", "1500.5", List.of(), "1500.5"), "tokyo", "JPY", true))
                .isInstanceOf(IntakeRejected.class)
                .hasMessageContaining("decimals");
    }

    private static ShopifyOrderPayload withSites(String landingSite, String referringSite, String sourceName) {
        return new ShopifyOrderPayload(
                1L,
                "#1",
                "USD",
                "1.00",
                null,
                null,
                null,
                "paid",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                landingSite,
                referringSite,
                sourceName,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null);
    }

    @Test
    void anOrderWithoutLinesIsRejected() {
        NativeOrderPayload empty = new NativeOrderPayload(
                "T1", "CNY", List.of(), 0L, null, null, null, 0L, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> intake.fromNative(empty, "tmall-flagship", "CNY", true))
                .hasMessageContaining("at least one line");
    }

    @Test
    void anInvoiceRequestIsTakenWithItsTitleAndTaxIdAndAMalformedOneIsRejected() {
        NativeOrderPayload order = nativeOrder(29500L);

        StorefrontOrder withInvoice = intake.fromNative(
                withInvoice(order, new NativeOrderPayload.Invoice(" 杭州茶香贸易有限公司 ", "91330106MA2H1234X5", null)),
                "tmall-flagship",
                "CNY",
                true);

        assertThat(withInvoice.invoice()).isEqualTo(new InvoiceRequest("杭州茶香贸易有限公司", "91330106MA2H1234X5", null));
        assertThatThrownBy(() -> intake.fromNative(
                        withInvoice(order, new NativeOrderPayload.Invoice("ACME", "12-34", null)),
                        "tmall-flagship",
                        "CNY",
                        true))
                .hasMessageContaining("invoice.taxId");
        assertThatThrownBy(() -> intake.fromNative(
                        withInvoice(order, new NativeOrderPayload.Invoice(" ", null, null)),
                        "tmall-flagship",
                        "CNY",
                        true))
                .hasMessageContaining("invoice.title is required");
    }

    private static NativeOrderPayload withInvoice(NativeOrderPayload order, NativeOrderPayload.Invoice invoice) {
        return new NativeOrderPayload(
                order.orderId(),
                order.currency(),
                order.lines(),
                order.shippingFeeMinor(),
                order.discountMinor(),
                order.taxMinor(),
                order.taxesIncluded(),
                order.totalMinor(),
                order.placedAt(),
                order.paidAt(),
                order.shippingAddress(),
                order.buyer(),
                order.buyerNote(),
                order.requestedCarrier(),
                order.attribution(),
                invoice);
    }

    private static ShopifyOrderPayload shopify(
            String currency, String quantity, String price, List<String> shipping, String total) {
        return new ShopifyOrderPayload(
                5001L,
                "#5001",
                currency,
                total,
                null,
                null,
                null,
                "paid",
                "2026-11-27T23:58:00-05:00",
                "2026-11-28T00:00:00-05:00",
                "2026-11-28T00:00:05-05:00",
                null,
                "leave at the door",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new ShopifyOrderPayload.LineItem(
                        1L, "MUG-1", "Mug", null, Integer.valueOf(quantity), price, 1L)),
                shipping.stream()
                        .map(fee -> new ShopifyOrderPayload.ShippingLine("Standard", "STD", fee))
                        .toList(),
                null);
    }

    private static NativeOrderPayload nativeOrder(long totalMinor) {
        return nativeOrder(totalMinor, null, null, null);
    }

    private static NativeOrderPayload nativeOrder(
            long totalMinor, Long discountMinor, Long taxMinor, Boolean taxesIncluded) {
        return new NativeOrderPayload(
                "T20261128-000123",
                "CNY",
                List.of(
                        new NativeOrderPayload.Line("TEA-LJ-250", "西湖龙井 250g", 2, 12800L),
                        new NativeOrderPayload.Line("CUP-GL-01", "玻璃杯", 1, 3900L)),
                0L,
                discountMinor,
                taxMinor,
                taxesIncluded,
                totalMinor,
                null,
                Instant.parse("2026-11-28T02:11:30Z"),
                null,
                new NativeOrderPayload.Customer("王芳", null, "13800138000"),
                "请发顺丰",
                "SF",
                null,
                null);
    }
}

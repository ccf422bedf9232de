package io.storeops.order.intake;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.order.lifecycle.PaidOrder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns storefront payloads into {@link PaidOrder}s: exact money in the store's currency, at least
 * one line, positive quantities, totals that add up. Anything else is an {@link IntakeRejected}.
 */
public class OrderIntake {

    public static final String SHOPIFY_CHANNEL = "shopify";
    public static final String NATIVE_CHANNEL = "storefront";

    private final Clock clock;

    public OrderIntake(Clock clock) {
        this.clock = clock;
    }

    public PaidOrder fromShopify(ShopifyOrderPayload payload, String storeId, String storeCurrency) {
        if (payload.id() == null) {
            throw new IntakeRejected("id is required");
        }
        String currency = payload.currency() == null ? storeCurrency : payload.currency();
        requireStoreCurrency(currency, storeCurrency);
        List<ShopifyOrderPayload.LineItem> items = requireLines(payload.lineItems());
        List<OrderLine> lines = items.stream().map(item -> new OrderLine(
                item.sku() == null || item.sku().isBlank() ? null : item.sku(),
                item.title(),
                positive(item.quantity()),
                money(item.price(), currency, "line_items.price"))).toList();
        Money shipping = (payload.shippingLines() == null ? List.<ShopifyOrderPayload.ShippingLine>of() : payload.shippingLines())
                .stream().map(line -> money(line.price(), currency, "shipping_lines.price"))
                .reduce(Money.zero(currency), Money::plus);
        ShopifyOrderPayload.Address address = payload.shippingAddress();
        return new PaidOrder(storeId, SHOPIFY_CHANNEL, String.valueOf(payload.id()), lines, shipping,
                money(payload.totalPrice(), currency, "total_price"), shopifyTime(payload.processedAt()),
                address == null ? null : new Address(address.name(), address.phone(), address.countryCode(), address.province(),
                        address.city(), null, address.address1(), address.address2(), address.zip()),
                blankToNull(payload.note()), null, attribution(payload));
    }

    /**
     * Where a Shopify order came from: the UTM parameters of the landing page (utm_term is the
     * pay-per-click keyword), else the referring site's host, else Shopify's source name.
     */
    static Attribution attribution(ShopifyOrderPayload payload) {
        Map<String, String> utm = queryParameters(payload.landingSite());
        String source = utm.getOrDefault("utm_source", host(payload.referringSite()));
        if (source == null) {
            source = blankToNull(payload.sourceName());
        }
        return new Attribution(source, utm.get("utm_medium"), utm.get("utm_campaign"), utm.get("utm_term"));
    }

    private static Map<String, String> queryParameters(String url) {
        if (url == null || !url.contains("?")) {
            return Map.of();
        }
        Map<String, String> parameters = new HashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && !parts[1].isBlank()) {
                parameters.putIfAbsent(decode(parts[0]), decode(parts[1]));
            }
        }
        return parameters;
    }

    private static String host(String url) {
        try {
            return url == null || url.isBlank() ? null : URI.create(url.trim()).getHost();
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    public PaidOrder fromNative(NativeOrderPayload payload, String storeId, String storeCurrency) {
        if (payload.orderId() == null || payload.orderId().isBlank() || payload.orderId().length() > 64) {
            throw new IntakeRejected("orderId is required (at most 64 characters)");
        }
        String currency = payload.currency();
        requireStoreCurrency(currency, storeCurrency);
        List<OrderLine> lines = requireLines(payload.lines()).stream().map(line -> new OrderLine(line.sku(), line.title(),
                positive(line.quantity()), nonNegative(line.unitPriceMinor(), currency, "unitPriceMinor"))).toList();
        Money shipping = payload.shippingFeeMinor() == null ? Money.zero(currency)
                : nonNegative(payload.shippingFeeMinor(), currency, "shippingFeeMinor");
        Money total = nonNegative(payload.totalMinor(), currency, "totalMinor");
        Money expected = lines.stream().map(OrderLine::lineTotal).reduce(shipping, Money::plus);
        if (!expected.equals(total)) {
            throw new IntakeRejected("totalMinor " + total.amountMinor() + " is not the lines plus shipping ("
                    + expected.amountMinor() + ")");
        }
        return new PaidOrder(storeId, NATIVE_CHANNEL, payload.orderId().trim(), lines, shipping, total,
                payload.paidAt() == null ? clock.instant() : payload.paidAt(), payload.shippingAddress(),
                blankToNull(payload.buyerNote()), blankToNull(payload.requestedCarrier()), payload.attribution());
    }

    private static void requireStoreCurrency(String currency, String storeCurrency) {
        if (currency == null || !currency.equals(storeCurrency)) {
            throw new IntakeRejected("currency must be the store's currency " + storeCurrency + ", not " + currency);
        }
    }

    private static <T> List<T> requireLines(List<T> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IntakeRejected("an order needs at least one line");
        }
        if (lines.size() > 500) {
            throw new IntakeRejected("an order has at most 500 lines");
        }
        return lines;
    }

    private static int positive(Integer quantity) {
        if (quantity == null || quantity <= 0) {
            throw new IntakeRejected("every line needs a positive quantity, not " + quantity);
        }
        return quantity;
    }

    private static Money money(String decimal, String currency, String field) {
        try {
            Money money = Money.ofDecimal(decimal, currency);
            if (money.amountMinor() < 0) {
                throw new IntakeRejected(field + " must not be negative");
            }
            return money;
        } catch (IllegalArgumentException inexact) {
            throw new IntakeRejected(field + ": " + inexact.getMessage());
        }
    }

    private static Money nonNegative(Long minor, String currency, String field) {
        if (minor == null || minor < 0) {
            throw new IntakeRejected(field + " is required and must not be negative");
        }
        return new Money(minor, currency);
    }

    private Instant shopifyTime(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException malformed) {
            throw new IntakeRejected("processed_at is not an ISO-8601 timestamp");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

package io.storeops.order.intake.web;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.order.lifecycle.Buyer;
import io.storeops.order.lifecycle.NoteAttribute;
import io.storeops.order.lifecycle.StorefrontOrder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns storefront payloads into {@link StorefrontOrder}s: exact money in the store's currency, at
 * least one line, positive quantities, totals that add up. Anything else is an {@link IntakeRejected}.
 */
public class OrderIntake {

    public static final String SHOPIFY_CHANNEL = "shopify";
    public static final String NATIVE_CHANNEL = "storefront";

    /** Note attributes that carry the buyer's carrier wish (Shopify has no field for it). */
    private static final Set<String> CARRIER_ATTRIBUTES = Set.of("carrier", "requested_carrier", "requested carrier");

    private final Clock clock;

    public OrderIntake(Clock clock) {
        this.clock = clock;
    }

    /**
     * The facts of a Shopify order: lines (a line without SKU is known by its variant), shipping
     * lines, discounts, taxes, note and note attributes (an attribute named "carrier" or
     * "requested_carrier" is the buyer's carrier wish), buyer, address and attribution.
     *
     * @param paid whether the delivery reports a payment: the order's processing time is then its payment time
     */
    public StorefrontOrder fromShopify(
            ShopifyOrderPayload payload, String storeId, String storeCurrency, boolean paid) {
        if (payload.id() == null) {
            throw new IntakeRejected("id is required");
        }
        String currency = payload.currency() == null ? storeCurrency : payload.currency();
        requireStoreCurrency(currency, storeCurrency);
        List<OrderLine> lines = requireLines(payload.lineItems()).stream()
                .map(item -> new OrderLine(
                        shopifySku(item),
                        item.title(),
                        positive(item.quantity()),
                        money(item.price(), currency, "line_items.price")))
                .toList();
        Money shipping = listOrEmpty(payload.shippingLines()).stream()
                .map(line -> money(line.price(), currency, "shipping_lines.price"))
                .reduce(Money.zero(currency), Money::plus);
        List<NoteAttribute> attributes = listOrEmpty(payload.noteAttributes()).stream()
                .filter(attribute ->
                        attribute.name() != null && !attribute.name().isBlank())
                .map(attribute -> new NoteAttribute(attribute.name().trim(), blankToNull(attribute.value())))
                .toList();
        ShopifyOrderPayload.Address address = payload.shippingAddress();
        Instant placedAt = shopifyTime(payload.createdAt(), "created_at");
        Instant processedAt = shopifyTime(payload.processedAt(), "processed_at");
        return new StorefrontOrder(
                storeId,
                SHOPIFY_CHANNEL,
                String.valueOf(payload.id()),
                lines,
                shipping,
                optionalMoney(payload.totalDiscounts(), currency, "total_discounts"),
                optionalMoney(payload.totalTax(), currency, "total_tax"),
                money(payload.totalPrice(), currency, "total_price"),
                listOrEmpty(payload.discountCodes()).stream()
                        .map(ShopifyOrderPayload.DiscountCode::code)
                        .filter(code -> code != null && !code.isBlank())
                        .toList(),
                firstKnown(placedAt, processedAt, clock.instant()),
                paid ? firstKnown(processedAt, clock.instant()) : null,
                address == null
                        ? null
                        : new Address(
                                address.name(),
                                address.phone(),
                                address.countryCode(),
                                address.province(),
                                address.city(),
                                null,
                                address.address1(),
                                address.address2(),
                                address.zip()),
                shopifyBuyer(payload),
                blankToNull(payload.note()),
                attributes,
                requestedCarrier(attributes),
                attribution(payload),
                shopifyTime(payload.updatedAt(), "updated_at"));
    }

    /**
     * A line's SKU; Shopify products without one are known by their variant, so that stock and
     * searches still have a key (the title stays for people).
     */
    private static String shopifySku(ShopifyOrderPayload.LineItem item) {
        if (item.sku() != null && !item.sku().isBlank()) {
            return item.sku().trim();
        }
        return item.variantId() == null ? null : "shopify-variant-" + item.variantId();
    }

    private static Buyer shopifyBuyer(ShopifyOrderPayload payload) {
        ShopifyOrderPayload.Customer customer = payload.customer();
        String name = customer == null
                ? null
                : blankToNull(String.join(
                        " ",
                        Stream.of(customer.firstName(), customer.lastName())
                                .filter(part -> part != null)
                                .toList()));
        String email = blankToNull(payload.email()) != null
                ? payload.email().trim()
                : customer == null ? null : blankToNull(customer.email());
        String phone = blankToNull(payload.phone()) != null
                ? payload.phone().trim()
                : customer == null ? null : blankToNull(customer.phone());
        return name == null && email == null && phone == null ? null : new Buyer(name, email, phone);
    }

    private static String requestedCarrier(List<NoteAttribute> attributes) {
        return attributes.stream()
                .filter(attribute ->
                        CARRIER_ATTRIBUTES.contains(attribute.name().toLowerCase(Locale.ROOT)))
                .map(NoteAttribute::value)
                .filter(value -> value != null)
                .findFirst()
                .orElse(null);
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

    /**
     * The facts of a native storefront order. The total must add up: lines plus shipping, minus
     * the discount, plus the tax unless the prices include it.
     *
     * @param paid whether the delivery reports a payment (without a payment time, it was paid now)
     */
    public StorefrontOrder fromNative(NativeOrderPayload payload, String storeId, String storeCurrency, boolean paid) {
        if (payload.orderId() == null
                || payload.orderId().isBlank()
                || payload.orderId().length() > 64) {
            throw new IntakeRejected("orderId is required (at most 64 characters)");
        }
        String currency = payload.currency();
        requireStoreCurrency(currency, storeCurrency);
        List<OrderLine> lines = requireLines(payload.lines()).stream()
                .map(line -> new OrderLine(
                        blankToNull(line.sku()),
                        line.title(),
                        positive(line.quantity()),
                        nonNegative(line.unitPriceMinor(), currency, "unitPriceMinor")))
                .toList();
        Money shipping = optionalMinor(payload.shippingFeeMinor(), currency, "shippingFeeMinor");
        Money discount = optionalMinor(payload.discountMinor(), currency, "discountMinor");
        Money tax = optionalMinor(payload.taxMinor(), currency, "taxMinor");
        Money total = nonNegative(payload.totalMinor(), currency, "totalMinor");
        Money expected;
        try {
            expected = lines.stream()
                    .map(OrderLine::lineTotal)
                    .reduce(shipping, Money::plus)
                    .minus(discount)
                    .plus(Boolean.TRUE.equals(payload.taxesIncluded()) ? Money.zero(currency) : tax);
        } catch (ArithmeticException overflow) {
            throw new IntakeRejected("the amounts are too large to add up");
        }
        if (!expected.equals(total)) {
            throw new IntakeRejected(
                    "totalMinor " + total.amountMinor() + " is not the lines plus shipping, minus the discount, "
                            + "plus the tax unless included (" + expected.amountMinor() + ")");
        }
        return new StorefrontOrder(
                storeId,
                NATIVE_CHANNEL,
                payload.orderId().trim(),
                lines,
                shipping,
                discount,
                tax,
                total,
                List.of(),
                firstKnown(payload.placedAt(), payload.paidAt(), clock.instant()),
                paid ? firstKnown(payload.paidAt(), clock.instant()) : null,
                payload.shippingAddress(),
                payload.buyer(),
                blankToNull(payload.buyerNote()),
                List.of(),
                blankToNull(payload.requestedCarrier()),
                payload.attribution(),
                null);
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

    private static Money optionalMoney(String decimal, String currency, String field) {
        return decimal == null || decimal.isBlank() ? Money.zero(currency) : money(decimal, currency, field);
    }

    private static Money optionalMinor(Long minor, String currency, String field) {
        return minor == null ? Money.zero(currency) : nonNegative(minor, currency, field);
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Money nonNegative(Long minor, String currency, String field) {
        if (minor == null || minor < 0) {
            throw new IntakeRejected(field + " is required and must not be negative");
        }
        return new Money(minor, currency);
    }

    /** The first of {@code times} that the storefront told; the last one is a fallback that is always there. */
    private static Instant firstKnown(Instant... times) {
        return Stream.of(times).filter(time -> time != null).findFirst().orElseThrow();
    }

    private static Instant shopifyTime(String timestamp, String field) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException malformed) {
            throw new IntakeRejected(field + " is not an ISO-8601 timestamp");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

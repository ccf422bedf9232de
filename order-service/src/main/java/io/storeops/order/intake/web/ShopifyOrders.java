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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** A Shopify order webhook (REST Admin API order resource) in StoreOps terms. */
final class ShopifyOrders {

    /** Note attributes that carry the buyer's carrier wish (Shopify has no field for it). */
    private static final Set<String> CARRIER_ATTRIBUTES = Set.of("carrier", "requested_carrier", "requested carrier");

    private ShopifyOrders() {}

    /**
     * The facts of a Shopify order: lines (a line without SKU is known by its variant), shipping
     * lines, discounts, taxes, note and note attributes (an attribute named "carrier" or
     * "requested_carrier" is the buyer's carrier wish), buyer, address and attribution.
     *
     * @param now  when StoreOps heard of it, the placing time when the order does not say
     * @param paid whether the delivery reports a payment: the order's processing time is then its payment time
     */
    static StorefrontOrder from(
            ShopifyOrderPayload payload, String storeId, String storeCurrency, boolean paid, Instant now) {
        if (payload.id() == null) {
            throw new IntakeRejected("id is required");
        }
        String currency = payload.currency() == null ? storeCurrency : payload.currency();
        IntakeChecks.requireStoreCurrency(currency, storeCurrency);
        List<OrderLine> lines = IntakeChecks.requireLines(payload.lineItems()).stream()
                .map(item -> new OrderLine(
                        shopifySku(item),
                        item.title(),
                        IntakeChecks.positive(item.quantity()),
                        IntakeChecks.money(item.price(), currency, "line_items.price"),
                        item.id() == null ? null : String.valueOf(item.id())))
                .toList();
        Money shipping = IntakeChecks.listOrEmpty(payload.shippingLines()).stream()
                .map(line -> IntakeChecks.money(line.price(), currency, "shipping_lines.price"))
                .reduce(Money.zero(currency), Money::plus);
        List<NoteAttribute> attributes = IntakeChecks.listOrEmpty(payload.noteAttributes()).stream()
                .filter(attribute ->
                        attribute.name() != null && !attribute.name().isBlank())
                .map(attribute ->
                        new NoteAttribute(attribute.name().trim(), IntakeChecks.blankToNull(attribute.value())))
                .toList();
        ShopifyOrderPayload.Address address = payload.shippingAddress();
        Instant placedAt = time(payload.createdAt(), "created_at");
        Instant processedAt = time(payload.processedAt(), "processed_at");
        return new StorefrontOrder(
                storeId,
                OrderIntake.SHOPIFY_CHANNEL,
                String.valueOf(payload.id()),
                lines,
                shipping,
                IntakeChecks.optionalMoney(payload.totalDiscounts(), currency, "total_discounts"),
                IntakeChecks.optionalMoney(payload.totalTax(), currency, "total_tax"),
                IntakeChecks.money(payload.totalPrice(), currency, "total_price"),
                IntakeChecks.listOrEmpty(payload.discountCodes()).stream()
                        .map(ShopifyOrderPayload.DiscountCode::code)
                        .filter(code -> code != null && !code.isBlank())
                        .toList(),
                IntakeChecks.firstKnown(placedAt, processedAt, now),
                paid ? IntakeChecks.firstKnown(processedAt, now) : null,
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
                IntakeChecks.blankToNull(payload.note()),
                attributes,
                requestedCarrier(attributes),
                attribution(payload),
                time(payload.updatedAt(), "updated_at"),
                null);
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
                : IntakeChecks.blankToNull(String.join(
                        " ",
                        Stream.of(customer.firstName(), customer.lastName())
                                .filter(part -> part != null)
                                .toList()));
        String email = IntakeChecks.blankToNull(payload.email()) != null
                ? payload.email().trim()
                : customer == null ? null : IntakeChecks.blankToNull(customer.email());
        String phone = IntakeChecks.blankToNull(payload.phone()) != null
                ? payload.phone().trim()
                : customer == null ? null : IntakeChecks.blankToNull(customer.phone());
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
            source = IntakeChecks.blankToNull(payload.sourceName());
        }
        return new Attribution(
                source,
                utm.get("utm_medium"),
                utm.get("utm_campaign"),
                utm.get("utm_term"),
                landingPath(payload.landingSite()));
    }

    /** The path of the landing page: Shopify gives it relative ("/products/mug?utm_..."), or whole. */
    static String landingPath(String landingSite) {
        String site = IntakeChecks.blankToNull(landingSite);
        if (site == null) {
            return null;
        }
        String withoutQuery = site.trim().split("[?#]", 2)[0];
        try {
            URI page = URI.create(withoutQuery);
            String path = page.isAbsolute() ? page.getRawPath() : withoutQuery;
            return path == null || path.isEmpty() ? "/" : decode(path);
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
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

    private static Instant time(String timestamp, String field) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return IntakeChecks.toMillis(OffsetDateTime.parse(timestamp).toInstant());
        } catch (DateTimeParseException malformed) {
            throw new IntakeRejected(field + " is not an ISO-8601 timestamp");
        }
    }
}

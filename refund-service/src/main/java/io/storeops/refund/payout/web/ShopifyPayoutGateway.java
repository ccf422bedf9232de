package io.storeops.refund.payout.web;

import io.storeops.platform.partner.PartnerFailure;
import io.storeops.platform.partner.PartnerHttp;
import io.storeops.platform.partner.ShopifyAdminApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pays back through Shopify: a {@code refundCreate} of the GraphQL Admin API that refunds the
 * amount against the order's successful sale or capture, without naming line items (the case's
 * lines stay StoreOps' own; Shopify's restock is not touched).
 *
 * <p>Each payout asks twice: first the order (its currency, its transactions, the refunds made on
 * it), then the refund. The refund carries the {@code @idempotent} directive (required from API
 * 2026-04) with a key derived from the payout's key: the SHA-256 hex of it, since the payout's key
 * holds ':' and '/' and Shopify documents no character set or length for its keys. Shopify answers
 * a repeat of a key with the refund it made for it, so a retry after a timeout never pays twice.
 * The refund's note names that key too, and a refund already on the order with it is the answer
 * without asking again: that holds after Shopify forgot the key.
 *
 * <p>Not a bean by itself: the wiring builds it with a client from {@link PartnerHttp#client} and
 * the shops of the stores paid through Shopify; the calls go through platform's {@link ShopifyAdminApi}.
 */
public final class ShopifyPayoutGateway implements PayoutGateway {

    /** The Admin API version: {@code refundCreate} takes {@code @idempotent} from 2026-01, requires it from 2026-04. */
    public static final String DEFAULT_API_VERSION = "2026-04";

    private static final String EARLIEST_IDEMPOTENT_VERSION = "2026-01";
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,20}");
    private static final String ORDER_GID = "gid://shopify/Order/";
    private static final String MARKER = "[storeops-payout ";

    static final String ORDER_QUERY = """
            query StoreOpsRefundBasis($id: ID!) {
              order(id: $id) {
                id
                currencyCode
                presentmentCurrencyCode
                transactions { id kind status gateway }
                refunds { id note }
              }
            }
            """;

    static final String REFUND_MUTATION = """
            mutation StoreOpsRefund($input: RefundInput!, $key: String!) {
              refundCreate(input: $input) @idempotent(key: $key) {
                refund { id }
                userErrors { field message }
              }
            }
            """;

    /** The reference a Shopify refund's payment carries: its GraphQL id, as {@code refundCreate} answers it. */
    public static String refundReference(Long refundId) {
        return "gid://shopify/Refund/" + refundId;
    }

    /** What the note of a refund StoreOps made starts with, before the payout's idempotency key. */
    private static final String NOTE_PREFIX = "StoreOps refund ";

    /**
     * The payout key a Shopify refund's note names, when StoreOps made it: its refunds/create webhook
     * confirms that payout.
     */
    public static Optional<String> payoutKeyIn(String refundNote) {
        if (!madeByStoreOps(refundNote) || !refundNote.startsWith(NOTE_PREFIX)) {
            return Optional.empty();
        }
        int end = refundNote.indexOf(' ', NOTE_PREFIX.length());
        return end < 0 ? Optional.empty() : Optional.of(refundNote.substring(NOTE_PREFIX.length(), end));
    }

    /** Whether a Shopify refund's note says StoreOps made it: its refunds/create webhook is StoreOps' own payout. */
    public static boolean madeByStoreOps(String refundNote) {
        return refundNote != null && refundNote.contains(MARKER);
    }

    private final ShopifyAdminApi shopify;

    /**
     * @param shops      the shops by StoreOps store id, whose access tokens have scope {@code write_orders}
     * @param apiVersion the Admin API version, {@link #DEFAULT_API_VERSION} when null; 2026-01 or later
     * @param timeout    how long each of the two calls may take (the payouts' call timeout covers both)
     */
    public ShopifyPayoutGateway(
            WebClient client, Map<String, ShopifyAdminApi.Shop> shops, String apiVersion, Duration timeout) {
        String version = apiVersion == null ? DEFAULT_API_VERSION : apiVersion;
        if (!ShopifyAdminApi.atLeast(version, EARLIEST_IDEMPOTENT_VERSION)) {
            throw new IllegalArgumentException("the Shopify API version must be " + EARLIEST_IDEMPOTENT_VERSION
                    + " or later (refundCreate takes an idempotency key from then on): " + version);
        }
        this.shopify = new ShopifyAdminApi(client, shops, version, timeout);
    }

    @Override
    public Mono<Receipt> pay(PayoutOrder order) {
        return Mono.defer(() -> {
            if (!shopify.hasShop(order.storeId())) {
                return Mono.error(
                        PartnerFailure.refused("store " + order.storeId() + " has no Shopify shop to refund in"));
            }
            String orderGid = orderGid(order);
            if (orderGid == null) {
                return Mono.error(PartnerFailure.refused(
                        "order " + order.orderId() + " has no Shopify order id: '" + order.externalOrderId() + "'"));
            }
            String key = shopifyKey(order.idempotencyKey());
            ObjectNode variables = PartnerHttp.JSON.createObjectNode();
            variables.put("id", orderGid);
            return shopify.graphql(order.storeId(), ORDER_QUERY, variables, "order lookup")
                    .flatMap(data -> refund(order, orderGid, key, data.path("order")));
        });
    }

    /** The key Shopify sees for a payout's key: stable, 64 hex characters. */
    static String shopifyKey(String idempotencyKey) {
        return PartnerHttp.sha256Hex(idempotencyKey);
    }

    /** The mark a refund's note carries for the payout with this Shopify key. */
    static String marker(String shopifyKey) {
        return MARKER + shopifyKey + "]";
    }

    private Mono<Receipt> refund(PayoutOrder order, String orderGid, String key, JsonNode shopifyOrder) {
        if (!shopifyOrder.isObject()) {
            return Mono.error(PartnerFailure.refused("Shopify has no order " + orderGid));
        }
        String currency = PartnerHttp.text(shopifyOrder.path("currencyCode"));
        String presentment = PartnerHttp.text(shopifyOrder.path("presentmentCurrencyCode"));
        String asked = order.amount().currency();
        if (currency != null && !currency.equals(asked)) {
            return Mono.error(PartnerFailure.refused(
                    "Shopify order " + orderGid + " is in " + currency + ", the refund in " + asked));
        }
        if (presentment != null && !presentment.equals(asked)) {
            return Mono.error(PartnerFailure.refused("the buyer paid Shopify order " + orderGid + " in " + presentment
                    + ", StoreOps knows its amounts in " + asked + ": refund it in Shopify's admin"));
        }
        String marker = marker(key);
        for (JsonNode made : shopifyOrder.path("refunds")) {
            String note = PartnerHttp.text(made.path("note"));
            String id = PartnerHttp.text(made.path("id"));
            if (note != null && id != null && note.contains(marker)) {
                return Mono.just(new Receipt(id)); // paid before, and Shopify may have forgotten the key
            }
        }
        JsonNode parent = parentTransaction(shopifyOrder.path("transactions"));
        if (parent == null) {
            return Mono.error(PartnerFailure.refused(
                    "Shopify order " + orderGid + " has no successful sale or capture to refund against"));
        }
        ObjectNode variables = PartnerHttp.JSON.createObjectNode();
        variables.put("key", key);
        ObjectNode input = variables.putObject("input");
        input.put("orderId", orderGid);
        input.put("note", NOTE_PREFIX + order.idempotencyKey() + " " + marker);
        input.put("notify", false);
        ObjectNode transaction = input.putArray("transactions").addObject();
        transaction.put("orderId", orderGid);
        transaction.put("parentId", PartnerHttp.text(parent.path("id")));
        transaction.put("amount", order.amount().toDecimal());
        transaction.put("gateway", PartnerHttp.text(parent.path("gateway")));
        transaction.put("kind", "REFUND");
        return shopify.graphql(order.storeId(), REFUND_MUTATION, variables, "refund")
                .map(data -> receipt(data.path("refundCreate")));
    }

    /** The first successful sale or capture (with an id and a gateway): what the refund goes back through. */
    private static JsonNode parentTransaction(JsonNode transactions) {
        for (JsonNode transaction : transactions) {
            String kind = PartnerHttp.text(transaction.path("kind"));
            if (("SALE".equals(kind) || "CAPTURE".equals(kind))
                    && "SUCCESS".equals(PartnerHttp.text(transaction.path("status")))
                    && PartnerHttp.text(transaction.path("id")) != null
                    && PartnerHttp.text(transaction.path("gateway")) != null) {
                return transaction;
            }
        }
        return null;
    }

    private static Receipt receipt(JsonNode created) {
        List<String> problems = ShopifyAdminApi.userErrors(created);
        if (!problems.isEmpty()) {
            throw PartnerFailure.refused("Shopify refused the refund: " + String.join("; ", problems));
        }
        String id = PartnerHttp.text(created.path("refund").path("id"));
        if (id == null) {
            throw PartnerFailure.unavailable("Shopify made no refund and gave no reason");
        }
        return new Receipt(id);
    }

    private static String orderGid(PayoutOrder order) {
        String id = order.externalOrderId();
        if (id == null) {
            return null;
        }
        if (id.startsWith(ORDER_GID)
                && NUMERIC_ID.matcher(id.substring(ORDER_GID.length())).matches()) {
            return id;
        }
        return NUMERIC_ID.matcher(id).matches() ? ORDER_GID + id : null;
    }
}

package io.storeops.platform.partner;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's GraphQL Admin API, which the services call for what StoreOps does in a shop (refunds
 * paid, products listed): each store's shop and access token, one GraphQL call at a time to
 * {@code /admin/api/<version>/graphql.json}, and what its answers mean. An HTTP 429 or 5xx, and the
 * GraphQL error codes of a busy shop ({@code THROTTLED}, {@code INTERNAL_SERVER_ERROR}, …), are
 * failures to ask again, no sooner than Shopify said ({@code Retry-After}; for {@code THROTTLED},
 * the time its cost bucket takes to refill for the query); any other HTTP error, or GraphQL errors
 * without such a code (a malformed query, a missing scope), is a refusal. A mutation's own
 * {@code userErrors} are the caller's to read ({@link #userErrors}).
 *
 * <p>Not a bean by itself: each service's wiring builds it from the store's settings and its
 * {@code shopify-domain}.
 */
public final class ShopifyAdminApi {

    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern SHOP_DOMAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*\\.myshopify\\.com");
    private static final String ACCESS_TOKEN_HEADER = "X-Shopify-Access-Token";

    /**
     * A shop StoreOps works in.
     *
     * @param adminUrl    where its Admin API answers: {@code https://<shop>.myshopify.com}
     * @param accessToken its Admin API access token, read at each call so that it may rotate
     */
    public record Shop(URI adminUrl, Supplier<String> accessToken) {

        public Shop {
            Objects.requireNonNull(adminUrl, "adminUrl");
            Objects.requireNonNull(accessToken, "accessToken");
        }

        /** The shop of a store's {@code shopifyDomain}, over HTTPS. */
        public static Shop ofDomain(String shopifyDomain, Supplier<String> accessToken) {
            if (shopifyDomain == null || !SHOP_DOMAIN.matcher(shopifyDomain).matches()) {
                throw new IllegalArgumentException("'" + shopifyDomain + "' is not a *.myshopify.com domain");
            }
            return new Shop(URI.create("https://" + shopifyDomain), accessToken);
        }
    }

    private final WebClient client;
    private final Map<String, Shop> shops;
    private final String apiVersion;
    private final Duration timeout;

    /**
     * @param client     a client from {@link PartnerHttp#client}
     * @param shops      the shops by StoreOps store id
     * @param apiVersion the Admin API version, {@code YYYY-MM}; each caller sets the earliest its calls need
     * @param timeout    how long one call may take
     */
    public ShopifyAdminApi(WebClient client, Map<String, Shop> shops, String apiVersion, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.shops = Map.copyOf(shops);
        if (apiVersion == null || !API_VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("the Shopify API version must read YYYY-MM: " + apiVersion);
        }
        this.apiVersion = apiVersion;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Whether {@code version} ({@code YYYY-MM}) is {@code earliest} or later. */
    public static boolean atLeast(String version, String earliest) {
        return version != null && API_VERSION.matcher(version).matches() && version.compareTo(earliest) >= 0;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** Whether {@code storeId} has a shop here. */
    public boolean hasShop(String storeId) {
        return shops.containsKey(storeId);
    }

    /**
     * One GraphQL call in {@code storeId}'s shop: its {@code data}, or a {@link PartnerFailure} for
     * an HTTP error or GraphQL errors; no answer in time, a {@link java.util.concurrent.TimeoutException}.
     * A store without a shop or access token is a refusal.
     *
     * @param what what the call does, for failure notes ("order lookup", "product upsert")
     */
    public Mono<JsonNode> graphql(String storeId, String query, ObjectNode variables, String what) {
        return Mono.defer(() -> {
            Shop shop = shops.get(storeId);
            if (shop == null) {
                return Mono.error(PartnerFailure.refused("store " + storeId + " has no Shopify shop"));
            }
            String token = shop.accessToken().get();
            if (token == null || token.isBlank()) {
                return Mono.error(
                        PartnerFailure.refused("store " + storeId + " has no Shopify Admin API access token"));
            }
            ObjectNode body = PartnerHttp.JSON.createObjectNode();
            body.put("query", query);
            body.set("variables", variables);
            WebClient.RequestHeadersSpec<?> request = client.post()
                    .uri(endpoint(shop))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(ACCESS_TOKEN_HEADER, token)
                    .bodyValue(PartnerHttp.write(body));
            return PartnerHttp.send(request, timeout, "Shopify (" + what + ")").map(answer -> data(answer, what));
        });
    }

    /**
     * A mutation payload's {@code userErrors}, each as "message (field.path)": Shopify understood
     * the request and will not do it as asked. Empty when there are none.
     */
    public static List<String> userErrors(JsonNode payload) {
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : payload.path("userErrors")) {
            List<String> field = new ArrayList<>();
            for (JsonNode part : problem.path("field")) {
                String name = PartnerHttp.text(part);
                if (name != null) {
                    field.add(name);
                }
            }
            String message = PartnerHttp.text(problem.path("message"));
            problems.add((message == null ? "no reason given" : message)
                    + (field.isEmpty() ? "" : " (" + String.join(".", field) + ")"));
        }
        return problems;
    }

    private static JsonNode data(PartnerHttp.Answer answer, String what) {
        if (answer.busy()) {
            throw PartnerFailure.unavailable(
                    "Shopify answered the " + what + " with " + answer.statusLine(), answer.retryAfter());
        }
        if (!answer.successful()) {
            throw PartnerFailure.refused(
                    "Shopify refused the " + what + ": " + answer.statusLine() + " " + answer.snippet());
        }
        JsonNode json = answer.json();
        JsonNode errors = json.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> described = new ArrayList<>();
            boolean later = false;
            for (JsonNode error : errors) {
                String code = PartnerHttp.text(error.path("extensions").path("code"));
                String message = PartnerHttp.text(error.path("message"));
                later |= busy(code);
                described.add((code == null ? "" : code + ": ") + (message == null ? "no message" : message));
            }
            String text = "Shopify answered the " + what + " with errors: " + String.join("; ", described);
            throw later
                    ? PartnerFailure.unavailable(
                            text, refill(json.path("extensions").path("cost")))
                    : PartnerFailure.refused(text);
        }
        JsonNode data = json.path("data");
        if (!data.isObject()) {
            throw PartnerFailure.unavailable("Shopify answered the " + what + " without data");
        }
        return data;
    }

    /**
     * Whether a GraphQL error's code is Shopify being busy (throttled, failing, or still working on
     * the same key): asking again later may do it. Errors without a code are malformed requests.
     */
    private static boolean busy(String code) {
        return code != null
                && (code.equals("THROTTLED")
                        || code.equals("INTERNAL_SERVER_ERROR")
                        || code.equals("SERVICE_UNAVAILABLE")
                        || code.contains("CONCURRENT"));
    }

    /**
     * How long a throttled shop's cost bucket takes to hold the query's cost again, from the
     * {@code extensions.cost} Shopify sends with {@code THROTTLED}: (requested − available) ÷
     * restore rate, rounded up to whole seconds; empty when it sent no such figures.
     */
    static Optional<Duration> refill(JsonNode cost) {
        JsonNode status = cost.path("throttleStatus");
        if (!cost.path("requestedQueryCost").isNumber()
                || !status.path("currentlyAvailable").isNumber()
                || !status.path("restoreRate").isNumber()
                || status.path("restoreRate").asDouble() <= 0) {
            return Optional.empty();
        }
        double missing = cost.path("requestedQueryCost").asDouble()
                - status.path("currentlyAvailable").asDouble();
        long seconds = (long)
                Math.ceil(Math.max(missing, 0) / status.path("restoreRate").asDouble());
        return Optional.of(Duration.ofSeconds(Math.max(seconds, 1)));
    }

    private URI endpoint(Shop shop) {
        String base = shop.adminUrl().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/admin/api/" + apiVersion + "/graphql.json");
    }
}

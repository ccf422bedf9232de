package io.storeops.listing.publishing.web;

import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.platform.partner.MarketplaceApi;
import io.storeops.platform.partner.PartnerFailure;
import io.storeops.platform.partner.PartnerHttp;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes to the native marketplace's open API, as a Tmall or JD shop lists an item: first each
 * picture the detail page shows goes to the store's picture space, then the item, both with the
 * store's app key as bearer token and an {@code Idempotency-Key}.
 *
 * <ul>
 *   <li>{@code POST <base>/pictures} {@code {name, contentType, sha256, content}} (content in
 *       base64), keyed {@code picture-<sha256>}: the same picture is stored once, however often it
 *       is sent. A 2xx {@code {"pictureId", "url"}} gives the address the page then shows.
 *   <li>{@code POST <base>/items} {@code {outerId, itemId?, title, descriptionHtml, pictures,
 *       pageVersion, skus: [{outerSkuId, properties, priceMinor, currency, packageContents}]}}: the
 *       marketplace keeps one item per outer id (the SPU code) and updates it when sent again; the
 *       key is the product, the page version and a digest of the body, so a retry asks the same. A
 *       2xx {@code {"itemId"}} is the receipt; so is a 409 naming an {@code itemId} for this very
 *       {@code outerId} (a marketplace that does not update by outer id, listing it before). Any
 *       other conflict or 4xx is a refusal; 429 and 5xx are failures to retry, no sooner than its
 *       {@code Retry-After}.
 *   <li>{@code POST <base>/items/delisting} {@code {outerId, itemId}} takes the item off sale.
 * </ul>
 *
 * <p>Not a bean by itself: {@link Storefronts} builds it with the {@link MarketplaceApi} of a store
 * whose products are published to the marketplace.
 */
public final class MarketplaceStorefront implements Storefront {

    public static final String NAME = "marketplace";

    /** Where the product's pictures are read from (the service's image store). */
    @FunctionalInterface
    public interface Pictures {

        /** The stored picture {@code fileId}'s bytes; empty when there is none. */
        Mono<byte[]> read(String fileId);
    }

    private final MarketplaceApi marketplace;
    private final Pictures pictures;

    public MarketplaceStorefront(MarketplaceApi marketplace, Pictures pictures) {
        this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
        this.pictures = Objects.requireNonNull(pictures, "pictures");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Receipt> publish(StorefrontProduct product) {
        return Flux.fromIterable(product.images())
                .concatMap(image -> upload(product, image).map(url -> Map.entry(image.imageId(), url)))
                .collectList()
                .flatMap(uploaded -> {
                    Map<String, String> addresses = new LinkedHashMap<>();
                    uploaded.forEach(entry -> addresses.put(entry.getKey(), entry.getValue()));
                    return item(product, addresses);
                });
    }

    /**
     * {@code POST <base>/items/delisting} {@code {outerId, itemId}}, keyed by the product and the page
     * version it was last sent (a withdrawal after a relisting is a new request):
     * 2xx, or a 404 (the marketplace has no such item any more), is done.
     */
    @Override
    public Mono<Void> withdraw(Withdrawal withdrawal) {
        ObjectNode body = PartnerHttp.JSON.createObjectNode();
        body.put("outerId", withdrawal.productId());
        body.put("itemId", withdrawal.storefrontProductId());
        String key = MarketplaceApi.requestId("delist-" + withdrawal.productId() + "-v" + withdrawal.pageVersion());
        return marketplace
                .post(withdrawal.storeId(), key, body, "items", "delisting")
                .flatMap(answer -> {
                    if (answer.successful() || answer.status() == 404) {
                        return Mono.empty();
                    }
                    if (answer.busy()) {
                        return Mono.error(PartnerFailure.unavailable(
                                "the marketplace answered the delisting with " + answer.statusLine(),
                                answer.retryAfter()));
                    }
                    return Mono.error(PartnerFailure.refused(
                            "the marketplace refused the delisting: " + answer.statusLine() + " " + answer.snippet()));
                });
    }

    private Mono<String> upload(StorefrontProduct product, StorefrontProduct.PageImage image) {
        return pictures.read(image.fileId())
                .switchIfEmpty(Mono.error(() -> PartnerFailure.refused(
                        "picture " + image.imageId() + " of " + product.productId() + " is not in the image store")))
                .flatMap(content -> {
                    String sha256 = PartnerHttp.sha256Hex(content);
                    String key = MarketplaceApi.requestId("picture-" + sha256);
                    ObjectNode body = PartnerHttp.JSON.createObjectNode();
                    body.put("name", product.productId() + "-" + image.imageId());
                    body.put("contentType", image.contentType());
                    body.put("sha256", sha256);
                    body.put("content", Base64.getEncoder().encodeToString(content));
                    return marketplace
                            .post(product.storeId(), key, body, "pictures")
                            .map(answer -> pictureUrl(answer, image.imageId()));
                });
    }

    private Mono<Receipt> item(StorefrontProduct product, Map<String, String> addresses) {
        ObjectNode body = PartnerHttp.JSON.createObjectNode();
        body.put("outerId", product.productId());
        if (product.storefrontProductId() != null) {
            body.put("itemId", product.storefrontProductId());
        }
        body.put("title", product.title());
        body.put("descriptionHtml", PagePictures.withAddresses(product.pageHtml(), addresses));
        ArrayNode shown = body.putArray("pictures");
        addresses.values().forEach(shown::add);
        body.put("pageVersion", product.pageVersion());
        ArrayNode skus = body.putArray("skus");
        for (ListedSku sku : product.skus()) {
            if (sku.price() == null) {
                return Mono.error(PartnerFailure.refused("SKU " + sku.sku() + " has no price in store "
                        + product.storeId() + ": set one and publish again"));
            }
            ObjectNode listed = skus.addObject();
            listed.put("outerSkuId", sku.sku());
            if (sku.variant() != null) {
                listed.put("properties", sku.variant());
            }
            listed.put("priceMinor", sku.price().amountMinor());
            listed.put("currency", sku.price().currency());
            ArrayNode contents = listed.putArray("packageContents");
            sku.packageContents().forEach(contents::add);
        }
        String digest = PartnerHttp.sha256Hex(PartnerHttp.write(body));
        String key = MarketplaceApi.requestId(
                "item-" + product.productId() + "-v" + product.pageVersion() + "-" + digest.substring(0, 16));
        return marketplace.post(product.storeId(), key, body, "items").map(answer -> receipt(answer, product));
    }

    private static String pictureUrl(PartnerHttp.Answer answer, String imageId) {
        if (answer.successful()) {
            String url = PartnerHttp.text(answer.json().path("url"));
            if (url == null) {
                throw PartnerFailure.unavailable("the marketplace answered picture " + imageId + " with "
                        + answer.statusLine() + " without a url");
            }
            return url;
        }
        if (answer.busy()) {
            throw PartnerFailure.unavailable(
                    "the marketplace answered picture " + imageId + " with " + answer.statusLine(),
                    answer.retryAfter());
        }
        throw PartnerFailure.refused(
                "the marketplace refused picture " + imageId + ": " + answer.statusLine() + " " + answer.snippet());
    }

    private static Receipt receipt(PartnerHttp.Answer answer, StorefrontProduct product) {
        JsonNode json = answer.json();
        String itemId = PartnerHttp.text(json.path("itemId"));
        if (answer.successful()) {
            if (itemId == null) {
                throw PartnerFailure.unavailable(
                        "the marketplace answered the item with " + answer.statusLine() + " without an itemId");
            }
            return new Receipt(itemId);
        }
        if (answer.status() == 409) {
            if (itemId != null && product.productId().equals(PartnerHttp.text(json.path("outerId")))) {
                return new Receipt(itemId); // listed before under this outer id
            }
            throw PartnerFailure.refused("the marketplace refused the item as a conflict: " + answer.snippet());
        }
        if (answer.busy()) {
            throw PartnerFailure.unavailable(
                    "the marketplace answered the item with " + answer.statusLine(), answer.retryAfter());
        }
        throw PartnerFailure.refused(
                "the marketplace refused the item: " + answer.statusLine() + " " + answer.snippet());
    }
}

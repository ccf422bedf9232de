package io.storeops.listing.publishing.web;

import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.listing.products.ProductRules;
import io.storeops.platform.partner.PartnerFailure;
import io.storeops.platform.partner.PartnerHttp;
import io.storeops.platform.partner.ShopifyAdminApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes to Shopify: one {@code productSet} of the GraphQL Admin API, which makes the product
 * or updates it whole — title, detail page, status {@code ACTIVE}, and one variant per SKU with
 * its SKU code and the store's price (variants no longer listed are removed).
 *
 * <p>The first time, the product is upserted by its handle, the SPU code in lower case (with '.'
 * and '_' as '-'), so that a retry after an answer that never came updates the product the lost
 * call made instead of making a second. Once Shopify has answered, its product id is recorded and
 * later page versions update that product by id, whatever the handle became in Shopify's admin.
 *
 * <p>The detail page goes out without its pictures: StoreOps keeps them private, and Shopify takes
 * pictures only from an address it can fetch or through staged uploads, whose media would have to
 * be tracked per page version to avoid a copy on every republication. Pictures added in Shopify's
 * admin stay: the product's media are never sent, so never replaced.
 *
 * <p>Not a bean by itself: {@link Storefronts} builds it with the {@link ShopifyAdminApi} of a store
 * whose products are published to Shopify.
 */
public final class ShopifyStorefront implements Storefront {

    public static final String NAME = "shopify";

    /** The Admin API version taken when a store names none. */
    public static final String DEFAULT_API_VERSION = "2026-04";

    /** {@code productSet} upserts by handle from this version on. */
    static final String EARLIEST_VERSION = "2025-04";

    static final String PRODUCT_SET = """
            mutation StoreOpsListing($identifier: ProductSetIdentifiers!, $input: ProductSetInput!) {
              productSet(identifier: $identifier, input: $input, synchronous: true) {
                product { id handle }
                userErrors { field message code }
              }
            }
            """;

    /** Takes a product off sale: back to a draft, its variants and media kept for a relisting. */
    static final String PRODUCT_DRAFT = """
            mutation StoreOpsWithdrawal($product: ProductUpdateInput!) {
              productUpdate(product: $product) {
                product { id status }
                userErrors { field message }
              }
            }
            """;

    /** Finds a product by its handle (from 2025-01). */
    static final String PRODUCT_BY_HANDLE = """
            query StoreOpsProductByHandle($identifier: ProductIdentifierInput!) {
              productByIdentifier(identifier: $identifier) { id }
            }
            """;

    /** The option of a product whose only SKU has no variant name, as Shopify names it. */
    private static final String DEFAULT_OPTION = "Title";

    private static final String DEFAULT_VALUE = "Default Title";
    private static final String OPTION = "Variant";
    private static final Pattern PRODUCT_GID = Pattern.compile("gid://shopify/Product/\\d{1,20}");

    private final ShopifyAdminApi shopify;

    /** @param shopify the Admin API of the stores published to Shopify, at version 2025-04 or later */
    public ShopifyStorefront(ShopifyAdminApi shopify) {
        this.shopify = Objects.requireNonNull(shopify, "shopify");
        if (!ShopifyAdminApi.atLeast(shopify.apiVersion(), EARLIEST_VERSION)) {
            throw new IllegalArgumentException("the Shopify API version must be " + EARLIEST_VERSION
                    + " or later (productSet upserts by handle from then on): " + shopify.apiVersion());
        }
    }

    /** The handle a product is first upserted by: its SPU code in lower case, '.' and '_' as '-'. */
    public static String handle(String productId) {
        return ProductRules.handle(productId);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Receipt> publish(StorefrontProduct product) {
        return Mono.defer(() -> {
            ObjectNode variables = PartnerHttp.JSON.createObjectNode();
            ObjectNode identifier = variables.putObject("identifier");
            ObjectNode input = variables.putObject("input");
            String known = product.storefrontProductId();
            if (known != null && PRODUCT_GID.matcher(known).matches()) {
                identifier.put("id", known);
            } else {
                // first time (or first time in Shopify): found again by its handle if a lost answer made it
                identifier.put("handle", handle(product.productId()));
                input.put("handle", handle(product.productId()));
            }
            input.put("title", product.title());
            input.put("descriptionHtml", PagePictures.withoutPictures(product.pageHtml()));
            input.put("status", "ACTIVE");
            variants(product, input);
            return shopify.graphql(product.storeId(), PRODUCT_SET, variables, "product upsert")
                    .map(data -> receipt(data.path("productSet")));
        });
    }

    /**
     * Sets the product back to {@code DRAFT}. Without Shopify's product id (a first publication whose
     * answer never came) it is looked up by its handle, since the lost call may have made it; one
     * Shopify does not have needs nothing.
     */
    @Override
    public Mono<Void> withdraw(Withdrawal withdrawal) {
        return Mono.defer(() -> {
            String known = withdrawal.storefrontProductId();
            Mono<String> id =
                    known != null && PRODUCT_GID.matcher(known).matches() ? Mono.just(known) : byHandle(withdrawal);
            return id.flatMap(productId -> draft(withdrawal.storeId(), productId));
        });
    }

    private Mono<String> byHandle(Withdrawal withdrawal) {
        ObjectNode variables = PartnerHttp.JSON.createObjectNode();
        variables.putObject("identifier").put("handle", handle(withdrawal.productId()));
        return shopify.graphql(withdrawal.storeId(), PRODUCT_BY_HANDLE, variables, "product lookup")
                .mapNotNull(data ->
                        PartnerHttp.text(data.path("productByIdentifier").path("id")));
    }

    private Mono<Void> draft(String storeId, String productId) {
        ObjectNode variables = PartnerHttp.JSON.createObjectNode();
        variables.putObject("product").put("id", productId).put("status", "DRAFT");
        return shopify.graphql(storeId, PRODUCT_DRAFT, variables, "product withdrawal")
                .doOnNext(data -> {
                    List<String> problems = ShopifyAdminApi.userErrors(data.path("productUpdate"));
                    if (!problems.isEmpty()) {
                        throw PartnerFailure.refused(
                                "Shopify refused to take the product down: " + String.join("; ", problems));
                    }
                })
                .then();
    }

    /**
     * One option whose values tell the SKUs apart (their variant names, else their codes), and one
     * variant per SKU; a product whose only SKU has no variant name takes Shopify's default option.
     */
    private static void variants(StorefrontProduct product, ObjectNode input) {
        List<ListedSku> skus = product.skus();
        if (skus.isEmpty()) {
            throw PartnerFailure.refused("product " + product.productId() + " has no SKU to sell");
        }
        boolean single = skus.size() == 1 && blank(skus.get(0).variant());
        String option = single ? DEFAULT_OPTION : OPTION;
        List<String> values = single ? List.of(DEFAULT_VALUE) : valueNames(skus);
        ObjectNode options = input.putArray("productOptions").addObject();
        options.put("name", option);
        options.put("position", 1);
        ArrayNode optionValues = options.putArray("values");
        values.forEach(value -> optionValues.addObject().put("name", value));
        ArrayNode variants = input.putArray("variants");
        for (int index = 0; index < skus.size(); index++) {
            ListedSku sku = skus.get(index);
            if (sku.price() == null) {
                throw PartnerFailure.refused("SKU " + sku.sku() + " has no price in store " + product.storeId()
                        + ": set one and publish again");
            }
            ObjectNode variant = variants.addObject();
            variant.putArray("optionValues")
                    .addObject()
                    .put("optionName", option)
                    .put("name", values.get(index));
            variant.put("sku", sku.sku());
            variant.put("price", sku.price().toDecimal());
        }
    }

    /** The SKUs' variant names, else their codes; a name two SKUs share gets each one's code added. */
    private static List<String> valueNames(List<ListedSku> skus) {
        Map<String, Integer> uses = new HashMap<>();
        skus.forEach(sku -> uses.merge(name(sku), 1, Integer::sum));
        List<String> names = new ArrayList<>();
        for (ListedSku sku : skus) {
            String name = name(sku);
            names.add(uses.get(name) > 1 ? name + " (" + sku.sku() + ")" : name);
        }
        return names;
    }

    private static String name(ListedSku sku) {
        return blank(sku.variant()) ? sku.sku() : sku.variant().strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Receipt receipt(JsonNode set) {
        List<String> problems = ShopifyAdminApi.userErrors(set);
        if (!problems.isEmpty()) {
            throw PartnerFailure.refused("Shopify refused the product: " + String.join("; ", problems));
        }
        String id = PartnerHttp.text(set.path("product").path("id"));
        if (id == null) {
            throw PartnerFailure.unavailable("Shopify saved no product and gave no reason");
        }
        return new Receipt(id);
    }
}

package io.storeops.listing.publishing.web;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.listing.ListedSku;
import java.util.List;

/** Products as the adapters' tests send them: a tea in two tins, with two pictures on its page. */
final class SampleProducts {

    static final String PRODUCT = "TEA.Longjing_01";
    static final String PAGE = "<h2>明前特级</h2><p>清明前采摘</p><img src=\"image:img-3\"><p>冲泡</p><img src=\"image:img-5\">";

    private SampleProducts() {}

    /** The tea for {@code storeId}, priced in {@code currency}, as the storefront knows it ({@code storefrontProductId}, null the first time). */
    static StorefrontProduct tea(String storeId, String currency, String storefrontProductId, int pageVersion) {
        return new StorefrontProduct(
                storeId,
                PRODUCT,
                storefrontProductId,
                pageVersion,
                "西湖龙井 明前特级",
                PAGE,
                List.of(
                        new StorefrontProduct.PageImage("img-3", "f-3", "image/jpeg"),
                        new StorefrontProduct.PageImage("img-5", "f-5", "image/png")),
                List.of(
                        new ListedSku(
                                "TEA-LJ-100", "100 g tin", new Money(12800, currency), List.of("tin", "gift bag")),
                        new ListedSku("TEA-LJ-250", "250 g tin", new Money(29900, currency), List.of("tin"))));
    }
}

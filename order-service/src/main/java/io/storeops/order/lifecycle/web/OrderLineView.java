package io.storeops.order.lifecycle.web;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.listing.PublishedSku;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * One line of an order as the order desk shows it: what the storefront said (SKU, title, quantity,
 * unit price, its line id) and, when the listing published the SKU in the order's store, the
 * product it belongs to with its title, the SKU's variant and the product's main picture.
 */
@Schema(name = "OrderViewLine")
public record OrderLineView(
        String sku,

        @Schema(description = "The title as the storefront sent it with the order")
        String title,

        int quantity,
        Money unitPrice,
        String lineId,

        @Schema(
                description = "The listing's product (SPU) the SKU belongs to; absent when the listing never "
                        + "published the SKU in the order's store",
                example = "TEA-LJ")
        String productId,

        @Schema(description = "The product's title as the listing last published it", example = "西湖龙井 明前特级")
        String productTitle,

        @Schema(description = "What tells the SKU apart, as the listing last published it", example = "250g")
        String variant,

        @Schema(
                description =
                        "The listing's main image of the product; its thumbnail is GET "
                                + "/api/listings/{productId}/images/{imageId}/thumbnail on listing-service (staff of the store)",
                example = "img-3")
        String imageId) {

    static OrderLineView of(OrderLine line, Map<String, PublishedSku> listed) {
        PublishedSku item = line.sku() == null ? null : listed.get(line.sku());
        return new OrderLineView(
                line.sku(),
                line.title(),
                line.quantity(),
                line.unitPrice(),
                line.lineId(),
                item == null ? null : item.productId(),
                item == null ? null : item.title(),
                item == null ? null : item.variant(),
                item == null ? null : item.mainImageId());
    }
}

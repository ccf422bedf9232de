package io.storeops.refund.storefront.web;

import io.storeops.refund.cases.AfterSale;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Shopify's {@code returns/request} webhook body, the parts StoreOps reads: the order, and each
 * returning line item with its quantity, reason and the buyer's note.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ShopifyReturnPayload(Long id, OrderRef order, List<ReturnLineItem> returnLineItems) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OrderRef(Long id) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReturnLineItem(
            Integer quantity,
            String returnReason,
            String returnReasonNote,
            String customerNote,
            FulfillmentLineItem fulfillmentLineItem) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FulfillmentLineItem(LineItemRef lineItem) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LineItemRef(Long id) {}

    private List<ReturnLineItem> items() {
        return returnLineItems == null
                ? List.of()
                : returnLineItems.stream().filter(Objects::nonNull).toList();
    }

    /** The returning lines, by the order's line item ids. */
    List<AfterSale.StorefrontReturnLine> lines() {
        if (items().isEmpty()) {
            throw new IllegalArgumentException("return_line_items are required.");
        }
        return items().stream()
                .map(item -> {
                    if (item.fulfillmentLineItem() == null
                            || item.fulfillmentLineItem().lineItem() == null
                            || item.fulfillmentLineItem().lineItem().id() == null
                            || item.quantity() == null
                            || item.quantity() < 1) {
                        throw new IllegalArgumentException(
                                "each return_line_item needs a quantity and fulfillment_line_item.line_item.id.");
                    }
                    return new AfterSale.StorefrontReturnLine(
                            String.valueOf(item.fulfillmentLineItem().lineItem().id()), item.quantity());
                })
                .toList();
    }

    /** The buyer's reason, as Shopify names it (the first line's). */
    String reason() {
        return items().stream()
                .map(ReturnLineItem::returnReason)
                .filter(reason -> reason != null && !reason.isBlank())
                .findFirst()
                .orElse(null);
    }

    /** What the buyer and the reason notes say, as the case's evidence. */
    List<String> notes() {
        return items().stream()
                .flatMap(item -> Stream.of(item.customerNote(), item.returnReasonNote()))
                .filter(note -> note != null && !note.isBlank())
                .distinct()
                .toList();
    }
}

package io.storeops.contracts;

/**
 * One line of an order: what was bought, how many and at what unit price.
 *
 * @param lineId the storefront's id of the line (Shopify's line item id), when it gives one: its later
 *     messages about the line (a return request) name it
 */
public record OrderLine(String sku, String title, int quantity, Money unitPrice, String lineId) {

    /** A line whose storefront gives it no id of its own. */
    public OrderLine(String sku, String title, int quantity, Money unitPrice) {
        this(sku, title, quantity, unitPrice, null);
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}

package io.storeops.contracts;

/** One line of an order: what was bought, how many and at what unit price. */
public record OrderLine(String sku, String title, int quantity, Money unitPrice) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}

package io.storeops.fulfillment.shipping;

import java.util.List;

/**
 * A check named something missing that the parcel's checklist does not list: a SKU the parcel does
 * not carry, or an item its line's accessories do not include.
 */
public class NotOnChecklist extends IllegalArgumentException {

    private final String sku;
    private final String item;
    private final List<String> accessories;

    NotOnChecklist(String sku, String item, List<String> accessories, String message) {
        super(message);
        this.sku = sku;
        this.item = item;
        this.accessories = List.copyOf(accessories);
    }

    public String sku() {
        return sku;
    }

    public String item() {
        return item;
    }

    /** What the line's checklist does list (empty when the parcel carries no such SKU, or nothing is listed). */
    public List<String> accessories() {
        return accessories;
    }
}

package io.storeops.listing.products;

/**
 * A step the product's state refuses, or a code another product holds (answered with 409 of
 * type {@code kind}, with the step the product is in).
 */
public class ListingConflict extends RuntimeException {

    private final String kind;
    private final ListingStep current;

    /**
     * @param kind    the problem's type: {@code listing-step}, {@code not-approved}, {@code sku-taken}, …
     * @param current the step the product is in; null when the conflict is not about its step
     */
    public ListingConflict(String kind, ListingStep current, String message) {
        super(message);
        this.kind = kind;
        this.current = current;
    }

    public String kind() {
        return kind;
    }

    public ListingStep current() {
        return current;
    }
}

package io.storeops.listing.products;

/** A review of one's own work: the retouching or the page one made oneself (answered with 403 {@code four-eyes}). */
public class OwnWork extends RuntimeException {

    public OwnWork(String message) {
        super(message);
    }
}

package io.storeops.listing.products;

/** A product, image or page the listing does not have (answered with 404). */
public class NotOnRecord extends RuntimeException {

    private final String what;
    private final String id;

    public NotOnRecord(String what, String id) {
        super(what + " " + id + " is not on record.");
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}

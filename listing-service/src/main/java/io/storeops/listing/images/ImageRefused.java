package io.storeops.listing.images;

/** An upload that is not a photograph a product page can use: what it is not, and why. */
public class ImageRefused extends RuntimeException {

    /** Why: not a picture a page can use (JPEG, PNG, GIF), or a size outside the bounds. */
    public enum Reason {
        NOT_AN_IMAGE,
        TOO_SMALL,
        TOO_LARGE
    }

    private final Reason reason;

    public ImageRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

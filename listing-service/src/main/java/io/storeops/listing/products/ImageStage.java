package io.storeops.listing.products;

/** Which hands a photograph has been through. */
public enum ImageStage {
    /** As shot. */
    ORIGINAL,
    /** Retouched by the designer. */
    RETOUCHED
}

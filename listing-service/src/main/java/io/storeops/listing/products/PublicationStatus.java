package io.storeops.listing.products;

/** How the product's publication to one store stands. */
public enum PublicationStatus {
    /** Waiting to be sent, or to be sent again after a failed attempt. */
    PENDING,
    /** The storefront has it, as the page version published. */
    PUBLISHED,
    /** The storefront refused it, or did not answer, too often: shown, and retried when staff say so. */
    FAILED,
    /** Taken off sale in StoreOps, and being taken off the storefront: tried until it confirms. */
    WITHDRAWING,
    /** Taken off sale. */
    WITHDRAWN
}

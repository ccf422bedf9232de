package io.storeops.listing.publishing.web;

import reactor.core.publisher.Mono;

/**
 * A store's storefront as the publisher sees it: it takes a product, as one page version, and
 * answers the id it keeps the product under. Sending the same product again — a retry after an
 * answer that never came, or a later page version — updates that one product, never makes a
 * second. A refusal for good is a {@link io.storeops.platform.partner.PartnerFailure#refused
 * refused} failure; anything else is retried.
 */
public interface Storefront {

    /** What the storefront confirmed: the id it keeps the product under. */
    record Receipt(String storefrontProductId) {}

    /** How the product's timeline names the storefront: {@code simulated}, {@code shopify}, {@code marketplace}. */
    String name();

    Mono<Receipt> publish(StorefrontProduct product);

    /**
     * A product to take off sale: the store, the SPU code, the id the storefront keeps it under (null
     * when its answer never came) and the page version it was last sent, which tells one withdrawal
     * from the next after a relisting.
     */
    record Withdrawal(String storeId, String productId, String storefrontProductId, int pageVersion) {}

    /**
     * Takes the product off sale (kept, not deleted: relisting it updates the same product).
     * Asking again, or for a product the storefront no longer has, is no error.
     */
    Mono<Void> withdraw(Withdrawal withdrawal);
}

package io.storeops.listing.products;

import io.storeops.listing.access.ListingAction;
import java.util.Optional;

/** What moves a product through the listing flow, and the action (so the roles) each needs. */
public enum ListingCommand {
    /** Publish the selling-points card, or a new version of it. */
    PUBLISH_SELLING_POINTS(ListingAction.SELECT),
    /** Hand on the shoot's originals. */
    SUBMIT_ORIGINALS(ListingAction.SHOOT),
    /** Hand on retouched versions for review. */
    SUBMIT_RETOUCHED(ListingAction.RETOUCH),
    /** Approve every image under review. */
    APPROVE_IMAGES(ListingAction.REVIEW),
    /** Send images back to retouching, with a comment on each. */
    REJECT_IMAGES(ListingAction.REVIEW),
    /** Submit a detail page version for review. */
    SUBMIT_DETAIL_PAGE(ListingAction.EDIT_PAGE),
    APPROVE_DETAIL_PAGE(ListingAction.REVIEW),
    REJECT_DETAIL_PAGE(ListingAction.REVIEW),
    /** Change the product's title, SKUs, prices, package contents, stores or positioning. */
    EDIT(ListingAction.SELECT),
    /** Send the approved product, or its approved changes, to its stores. */
    PUBLISH(ListingAction.PUBLISH),
    /** Every store confirmed the publication (the publisher, not a person). */
    CONFIRM_PUBLISHED(null),
    /** Drop the product, or take it off sale. */
    WITHDRAW(ListingAction.SELECT);

    private final ListingAction action;

    ListingCommand(ListingAction action) {
        this.action = action;
    }

    /** The action whose roles may give this command; empty for the publisher's own. */
    public Optional<ListingAction> action() {
        return Optional.ofNullable(action);
    }
}

package io.storeops.listing.products;

import static io.storeops.listing.products.ListingCommand.APPROVE_DETAIL_PAGE;
import static io.storeops.listing.products.ListingCommand.APPROVE_IMAGES;
import static io.storeops.listing.products.ListingCommand.CONFIRM_PUBLISHED;
import static io.storeops.listing.products.ListingCommand.EDIT;
import static io.storeops.listing.products.ListingCommand.PUBLISH;
import static io.storeops.listing.products.ListingCommand.PUBLISH_SELLING_POINTS;
import static io.storeops.listing.products.ListingCommand.REJECT_DETAIL_PAGE;
import static io.storeops.listing.products.ListingCommand.REJECT_IMAGES;
import static io.storeops.listing.products.ListingCommand.SUBMIT_DETAIL_PAGE;
import static io.storeops.listing.products.ListingCommand.SUBMIT_ORIGINALS;
import static io.storeops.listing.products.ListingCommand.SUBMIT_RETOUCHED;
import static io.storeops.listing.products.ListingCommand.WITHDRAW;
import static io.storeops.listing.products.ListingStep.CHANGED;
import static io.storeops.listing.products.ListingStep.CHANGE_IN_REVIEW;
import static io.storeops.listing.products.ListingStep.DETAIL_PAGE_APPROVED;
import static io.storeops.listing.products.ListingStep.DETAIL_PAGE_REJECTED;
import static io.storeops.listing.products.ListingStep.DETAIL_PAGE_SUBMITTED;
import static io.storeops.listing.products.ListingStep.IMAGES_APPROVED;
import static io.storeops.listing.products.ListingStep.IMAGES_REJECTED;
import static io.storeops.listing.products.ListingStep.PUBLISHED;
import static io.storeops.listing.products.ListingStep.PUBLISHING;
import static io.storeops.listing.products.ListingStep.RETOUCHED;
import static io.storeops.listing.products.ListingStep.SELECTED;
import static io.storeops.listing.products.ListingStep.SELLING_POINTS_PUBLISHED;
import static io.storeops.listing.products.ListingStep.SHOT;
import static io.storeops.listing.products.ListingStep.WITHDRAWN;

import java.util.EnumMap;
import java.util.Map;

/**
 * The listing flow as a state machine: for every step and command, the step it leads to, or a
 * refusal. The selling points are published before the shoot; originals, then retouched versions,
 * then their review (a rejection goes back to retouching); the detail page and its review (a
 * rejection goes back to the designer); publication; and, once on sale, new page versions and
 * edits that are reviewed and published again, until the product is withdrawn. A withdrawn
 * product may be published again (换季 relisting) when it has an approved page.
 */
public final class ListingWorkflow {

    private static final Map<ListingStep, Map<ListingCommand, ListingStep>> MOVES = new EnumMap<>(ListingStep.class);

    static {
        for (ListingStep step : ListingStep.values()) {
            MOVES.put(step, new EnumMap<>(ListingCommand.class));
            if (step != WITHDRAWN) {
                // The card may be rewritten, and the product dropped or taken off sale, at any step until it is
                // withdrawn.
                MOVES.get(step).put(PUBLISH_SELLING_POINTS, step);
                MOVES.get(step).put(WITHDRAW, WITHDRAWN);
            }
            if (step != PUBLISHING) {
                // What the stores are being sent does not change under the publisher's feet.
                MOVES.get(step).put(EDIT, step);
            }
        }
        MOVES.get(SELECTED).put(PUBLISH_SELLING_POINTS, SELLING_POINTS_PUBLISHED);
        MOVES.get(SELLING_POINTS_PUBLISHED).put(SUBMIT_ORIGINALS, SHOT);
        MOVES.get(SHOT).putAll(Map.of(SUBMIT_ORIGINALS, SHOT, SUBMIT_RETOUCHED, RETOUCHED));
        MOVES.get(RETOUCHED).putAll(Map.of(APPROVE_IMAGES, IMAGES_APPROVED, REJECT_IMAGES, IMAGES_REJECTED));
        MOVES.get(IMAGES_REJECTED).put(SUBMIT_RETOUCHED, RETOUCHED);
        MOVES.get(IMAGES_APPROVED).put(SUBMIT_DETAIL_PAGE, DETAIL_PAGE_SUBMITTED);
        MOVES.get(DETAIL_PAGE_SUBMITTED)
                .putAll(Map.of(APPROVE_DETAIL_PAGE, DETAIL_PAGE_APPROVED, REJECT_DETAIL_PAGE, DETAIL_PAGE_REJECTED));
        MOVES.get(DETAIL_PAGE_REJECTED).put(SUBMIT_DETAIL_PAGE, DETAIL_PAGE_SUBMITTED);
        MOVES.get(DETAIL_PAGE_APPROVED).putAll(Map.of(SUBMIT_DETAIL_PAGE, DETAIL_PAGE_SUBMITTED, PUBLISH, PUBLISHING));
        MOVES.get(PUBLISHING).put(CONFIRM_PUBLISHED, PUBLISHED);
        MOVES.get(PUBLISHED).putAll(Map.of(SUBMIT_DETAIL_PAGE, CHANGE_IN_REVIEW, EDIT, CHANGED));
        MOVES.get(CHANGE_IN_REVIEW).putAll(Map.of(APPROVE_DETAIL_PAGE, CHANGED, REJECT_DETAIL_PAGE, PUBLISHED));
        MOVES.get(CHANGED).putAll(Map.of(SUBMIT_DETAIL_PAGE, CHANGE_IN_REVIEW, PUBLISH, PUBLISHING));
        MOVES.get(WITHDRAWN).put(PUBLISH, PUBLISHING);
    }

    private ListingWorkflow() {}

    /** Whether a product at {@code step} takes {@code command} (else {@link #next} refuses it). */
    public static boolean takes(ListingStep step, ListingCommand command) {
        return MOVES.get(step).containsKey(command);
    }

    /**
     * The step {@code command} leads a product at {@code step} to.
     *
     * @throws ListingConflict when the step refuses the command
     */
    public static ListingStep next(ListingStep step, ListingCommand command) {
        ListingStep target = MOVES.get(step).get(command);
        if (target == null) {
            throw new ListingConflict(
                    "listing-step", step, "A product at " + step + " cannot take " + command + ": " + hint(step));
        }
        return target;
    }

    private static String hint(ListingStep step) {
        return switch (step) {
            case SELECTED -> "publish its selling points first.";
            case SELLING_POINTS_PUBLISHED -> "the shoot's originals come first.";
            case SHOT, IMAGES_REJECTED -> "the designer's retouched versions come next.";
            case RETOUCHED -> "the retouched images are waiting for review.";
            case IMAGES_APPROVED, DETAIL_PAGE_REJECTED -> "the designer submits the detail page next.";
            case DETAIL_PAGE_SUBMITTED, CHANGE_IN_REVIEW -> "the detail page is waiting for review.";
            case DETAIL_PAGE_APPROVED, CHANGED -> "it is ready to publish.";
            case PUBLISHING -> "wait until its stores have confirmed the publication (or withdraw it).";
            case PUBLISHED -> "it is on sale: submit a new detail page version or edit it.";
            case WITHDRAWN -> "it was withdrawn; publish it again to relist it.";
        };
    }
}

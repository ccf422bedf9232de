package io.storeops.refund.cases;

import io.storeops.contracts.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store's after-sale terms: the marketplace's timers (none where the storefront has none, as on
 * Shopify), the refund-only amount below which a request is approved without a supervisor, and
 * the reasons customer service may enter.
 *
 * @param answerWithin          how long the seller has to answer a request (null: no timer)
 * @param shipReturnWithin      how long the buyer has to ship an approved return (null: no timer)
 * @param confirmReceiptWithin  how long the seller has to confirm a shipped return's receipt (null: no timer)
 * @param autoApproveBelowMinor refund-only requests asking less than this are approved at once (0: never)
 * @param reasonCodes           the reasons a case entered by customer service must give (empty: any text)
 * @param lowRating             a buyer's review rated at or below this (1 to 5) goes to customer service's queue
 */
public record AfterSalePolicy(
        Duration answerWithin,
        Duration shipReturnWithin,
        Duration confirmReceiptWithin,
        long autoApproveBelowMinor,
        List<String> reasonCodes,
        int lowRating) {

    /** The low rating of a store that sets none: three stars or fewer. */
    public static final int DEFAULT_LOW_RATING = 3;

    /** No timers, no automatic approval, any reason; reviews of three stars or fewer are low. */
    public static final AfterSalePolicy NONE = new AfterSalePolicy(null, null, null, 0, List.of());

    /** Terms with the default low rating ({@value #DEFAULT_LOW_RATING}). */
    public AfterSalePolicy(
            Duration answerWithin,
            Duration shipReturnWithin,
            Duration confirmReceiptWithin,
            long autoApproveBelowMinor,
            List<String> reasonCodes) {
        this(
                answerWithin,
                shipReturnWithin,
                confirmReceiptWithin,
                autoApproveBelowMinor,
                reasonCodes,
                DEFAULT_LOW_RATING);
    }

    public AfterSalePolicy {
        requirePositive(answerWithin, "answer-within");
        requirePositive(shipReturnWithin, "ship-return-within");
        requirePositive(confirmReceiptWithin, "confirm-receipt-within");
        if (autoApproveBelowMinor < 0) {
            throw new IllegalArgumentException("auto-approve-below-minor must not be negative");
        }
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        if (lowRating < 1 || lowRating > 5) {
            throw new IllegalArgumentException("after-sale.low-rating must be 1 to 5");
        }
    }

    private static void requirePositive(Duration timer, String name) {
        if (timer != null && (timer.isNegative() || timer.isZero())) {
            throw new IllegalArgumentException("after-sale." + name + " must be a positive duration such as P2D");
        }
    }

    /** The deadline of {@code kind} for a step starting {@code at}; none when the store has no such timer. */
    Optional<Deadline> deadline(Deadline.Kind kind, Instant at) {
        Duration within = switch (kind) {
            case ANSWER -> answerWithin;
            case SHIP_RETURN -> shipReturnWithin;
            case CONFIRM_RECEIPT -> confirmReceiptWithin;
        };
        return Optional.ofNullable(within).map(timer -> new Deadline(kind, at.plus(timer)));
    }

    /** Whether a refund-only request of {@code asked} is approved without a supervisor. */
    boolean approvesAtOnce(CaseType type, Money asked) {
        return type == CaseType.REFUND_ONLY && asked.amountMinor() < autoApproveBelowMinor;
    }

    /** @throws IllegalArgumentException when the store has reason codes and {@code reason} is not one */
    void requireKnownReason(String reason) {
        if (!reasonCodes.isEmpty() && !reasonCodes.contains(reason)) {
            throw new IllegalArgumentException(
                    "reason must be one of the store's reason codes: " + String.join(", ", reasonCodes) + ".");
        }
    }
}

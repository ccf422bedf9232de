package io.storeops.refund.cases;

import java.time.Instant;

/**
 * A marketplace's deadline on a case: who must act by when, and what happens when they do not.
 * Fixed when the step starts, as the marketplace shows it to the buyer; a later change of the
 * store's policy applies to steps that start after it.
 */
public record Deadline(Kind kind, Instant dueAt) {

    /** The three marketplace timers of an after-sale case. */
    public enum Kind {
        /** The seller must answer a request; else it is approved, as marketplaces do. */
        ANSWER,
        /** The buyer must ship an approved return; else the case closes. */
        SHIP_RETURN,
        /** The seller must confirm the return's receipt; else the buyer is paid back. */
        CONFIRM_RECEIPT;

        /**
         * The timer that runs while a case is in {@code state}, with or without the return's tracking
         * number; none once some of the return {@code arrived}: the seller has the goods, and a
         * supervisor settles what came short.
         */
        static Kind runningIn(CaseState state, String returnTracking, boolean arrived) {
            return switch (state) {
                case REQUESTED -> ANSWER;
                case AWAITING_RETURN -> arrived ? null : returnTracking == null ? SHIP_RETURN : CONFIRM_RECEIPT;
                default -> null;
            };
        }
    }
}

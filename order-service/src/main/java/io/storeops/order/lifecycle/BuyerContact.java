package io.storeops.order.lifecycle;

import java.time.Instant;

/** Customer service reached out to the buyer about a stock-out: how, with what result, who and when. */
public record BuyerContact(Channel channel, Outcome outcome, String note, String by, Instant at) {

    public enum Channel {
        PHONE,
        SMS,
        EMAIL,
        /** The marketplace's chat (旺旺, JD 咚咚, Shopify Inbox). */
        CHAT
    }

    public enum Outcome {
        /** The buyer will wait for the stock. */
        WAIT(true),
        /** The buyer takes another item instead (customer service changes it on the storefront). */
        CHANGE_ITEM(true),
        /** The buyer cancels: the order is cancelled like any other. */
        CANCEL(true),
        /** Nobody answered: the task stays open for another try. */
        NO_ANSWER(false);

        private final boolean decided;

        Outcome(boolean decided) {
            this.decided = decided;
        }

        /** Whether the buyer decided, which closes the task. */
        public boolean decided() {
            return decided;
        }
    }

    /** How the contact reads on the order's timeline: channel, outcome and the note. */
    public String describe() {
        return channel + ", " + outcome + (note == null ? "" : ": " + note);
    }
}

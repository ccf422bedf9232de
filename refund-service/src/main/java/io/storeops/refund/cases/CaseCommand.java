package io.storeops.refund.cases;

/** What can happen to an after-sale case, by a person, a timer or another service. */
public enum CaseCommand {
    /** The supervisor approves (or a timer or the store's policy does). */
    APPROVE,
    /** The supervisor rejects. */
    REJECT,
    /** Customer service records a contact with the buyer. */
    NEGOTIATE,
    /** The buyer's request changes (amounts, lines, reason) and goes back to the supervisor. */
    REVISE,
    /** The buyer withdraws. */
    WITHDRAW,
    /** The buyer sent the goods back, with the carrier's tracking number. */
    BUYER_SHIPPED,
    /** The warehouse received and inspected the returned goods. */
    RECEIVE,
    /** The payout was confirmed. */
    PAID,
    /** The buyer did not ship the return in time. */
    EXPIRE,
    /** The supervisor rejects for good after negotiation, or a return that came back unacceptable. */
    CLOSE,
    /**
     * The supervisor settles a return as it stands (part of it arrived, some damaged, or nothing yet):
     * what is paid back, with what amounts.
     */
    SETTLE,
    /** The exchange's replacement parcel left the warehouse. */
    REPLACEMENT_SENT,
    /** The payout gateway refused the refund for good. */
    REFUSE_PAYOUT,
    /** The supervisor has a refused payout tried again (the cause is fixed). */
    RETRY_PAYOUT
}

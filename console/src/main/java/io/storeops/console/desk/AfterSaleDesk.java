package io.storeops.console.desk;

/**
 * The after-sale desk's names as refund-service's desk route ({@code GET /api/after-sale-desk})
 * answers them: the service behind the after-sale pages, the route, and the actions it may give a
 * person. Which person takes which action is the route's answer (the same rules its other routes
 * enforce), never a table of the console's; while the service cannot be reached, the person has
 * none of them (see {@link Desks}).
 */
public final class AfterSaleDesk {

    /** The service behind the after-sale pages, as the console's configuration names it. */
    public static final String SERVICE = "refund";

    /** The caller's after-sale desk: their actions and, per store, the lengths of the queues they work. */
    static final String ROUTE = "/api/after-sale-desk";

    /** See cases, the queues, what an order may still be refunded, and download the refund sheet. */
    public static final String SEE_CASES = "SEE_CASES";

    /** Enter a case for the buyer, record contacts, revise, record the return parcel, the withdrawal, a payment. */
    public static final String HANDLE_CASES = "HANDLE_CASES";

    /** Approve, reject, or reject for good. */
    public static final String DECIDE = "DECIDE";

    /** See complaints and buyers' reviews, the low-rating queue among them. */
    public static final String SEE_COMPLAINTS = "SEE_COMPLAINTS";

    /** Take a complaint, record contacts, resolve it or its withdrawal; contact a reviewer, reply to a review. */
    public static final String HANDLE_COMPLAINTS = "HANDLE_COMPLAINTS";

    private AfterSaleDesk() {}
}

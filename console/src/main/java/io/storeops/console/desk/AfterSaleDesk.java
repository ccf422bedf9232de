package io.storeops.console.desk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The after-sale desk's part of the person's desk: what they may do with refund-service's cases,
 * by their roles. refund-service has no desk route (as order-service's {@code /api/order-desk}),
 * so the console takes its table of who does what ({@code RefundAction}: customer service enters
 * and negotiates, the supervisor or the manager decides, the store manager looks on). The service
 * stays the authority: a button the table shows and the service refuses is explained like any refusal.
 */
public final class AfterSaleDesk {

    /** The service behind the after-sale pages, as the console's configuration names it. */
    public static final String SERVICE = "refund";

    /** See cases, the queues, what an order may still be refunded, and download the refund sheet. */
    public static final String SEE_CASES = "SEE_CASES";

    /** Enter a case for the buyer, record contacts, revise, record the return parcel, the withdrawal, a payment. */
    public static final String HANDLE_CASES = "HANDLE_CASES";

    /** Approve, reject, or reject for good (never a case one entered, negotiated or revised). */
    public static final String DECIDE = "DECIDE";

    private static final Map<String, Set<String>> ROLES = roles();

    private AfterSaleDesk() {}

    private static Map<String, Set<String>> roles() {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        roles.put(SEE_CASES, Set.of("CS_AFTERSALE", "SUPERVISOR", "MANAGER", "STORE_MANAGER"));
        roles.put(HANDLE_CASES, Set.of("CS_AFTERSALE"));
        roles.put(DECIDE, Set.of("SUPERVISOR", "MANAGER"));
        return roles;
    }

    /** The actions of the after-sale desk that {@code roles} allow, in the order of the table. */
    public static List<String> actionsOf(List<String> roles) {
        return ROLES.entrySet().stream()
                .filter(action -> roles.stream().anyMatch(action.getValue()::contains))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The after-sale actions to add to {@code desk} (its person's roles; the stores are the desk's own). */
    static Desk of(Desk desk) {
        return new Desk(desk.username(), desk.roles(), actionsOf(desk.roles()), List.of(), Set.of());
    }
}

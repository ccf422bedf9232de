package io.storeops.refund.access;

import io.storeops.platform.security.StaffAction;
import io.storeops.platform.security.StaffRole;
import java.util.List;

/**
 * What staff do at the after-sale desk, and which roles may, as the handbook hands out the work:
 * after-sale customer service enters and negotiates, the supervisor (or the manager) decides.
 */
public enum RefundAction implements StaffAction {
    /** See cases and what an order may still be refunded. */
    SEE_CASES(StaffRole.CS_AFTERSALE, StaffRole.SUPERVISOR, StaffRole.MANAGER, StaffRole.STORE_MANAGER),
    /** Enter a case for the buyer, record contacts, revise the request, record the buyer's return parcel or withdrawal. */
    HANDLE_CASES(StaffRole.CS_AFTERSALE),
    /** Approve, reject, or reject for good (部门主管). */
    DECIDE(StaffRole.SUPERVISOR, StaffRole.MANAGER),
    /** See complaints and buyers' reviews, the low-rating queue among them. */
    SEE_COMPLAINTS(StaffRole.CS_AFTERSALE, StaffRole.SUPERVISOR, StaffRole.MANAGER, StaffRole.STORE_MANAGER),
    /** Take a complaint, record contacts, resolve it or record its withdrawal; contact a reviewer, reply to a review. */
    HANDLE_COMPLAINTS(StaffRole.CS_AFTERSALE);

    private final List<StaffRole> roles;

    RefundAction(StaffRole... roles) {
        this.roles = List.of(roles);
    }

    @Override
    public List<StaffRole> allowedRoles() {
        return roles;
    }
}

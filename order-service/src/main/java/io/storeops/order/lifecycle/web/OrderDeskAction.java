package io.storeops.order.lifecycle.web;

import io.storeops.platform.security.StaffAction;
import io.storeops.platform.security.StaffRole;
import java.util.List;

/**
 * What staff do at the order desk, and which roles may do it. The routes check these, and the
 * order desk route tells a caller which of them they have, so that a console's menus and buttons
 * follow the same rules as the APIs.
 */
public enum OrderDeskAction implements StaffAction {
    /** Look orders up: detail, timeline, search. */
    LOOK_UP(
            StaffRole.MANAGER,
            StaffRole.STORE_MANAGER,
            StaffRole.SUPERVISOR,
            StaffRole.CS_PRESALE,
            StaffRole.CS_AFTERSALE,
            StaffRole.ORDER_CLERK,
            StaffRole.WAREHOUSE),
    /** Download a search as a file: it carries buyers' phones and addresses, so fewer roles. */
    EXPORT(StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.SUPERVISOR, StaffRole.CS_AFTERSALE),
    /** Work the review queue (审单): hold orders and release them with a comment. */
    REVIEW(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER),
    /** Correct a shipping address before dispatch (核实地址). */
    CHANGE_ADDRESS(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER),
    /** Tell buyers about missing stock and record what they decided (缺货通知). */
    CONTACT_BUYER(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER),
    /** Write the seller's memo (卖家备注): the carrier chosen and the buyer's wishes. */
    SELLER_MEMO(StaffRole.CS_PRESALE, StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER),
    /** Change a line's item or size at the buyer's request (修改商品及尺码), before dispatch. */
    CHANGE_ITEM(StaffRole.CS_PRESALE, StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER),
    /** Cancel an order before dispatch. */
    CANCEL(StaffRole.CS_AFTERSALE, StaffRole.CS_PRESALE, StaffRole.STORE_MANAGER);

    private final List<StaffRole> roles;

    OrderDeskAction(StaffRole... roles) {
        this.roles = List.of(roles);
    }

    @Override
    public List<StaffRole> allowedRoles() {
        return roles;
    }
}

package io.storeops.fulfillment.access;

import io.storeops.platform.security.StaffAction;
import io.storeops.platform.security.StaffRole;
import java.util.List;

/**
 * What staff do in the warehouse's day, and which roles may do it, as the handbook hands out the
 * work. The routes check these; the warehouse desk route tells a caller which of them they have.
 */
public enum WarehouseAction implements StaffAction {
    /** See shipments: the work list, one parcel's detail. */
    SEE_SHIPMENTS(
            StaffRole.WAREHOUSE,
            StaffRole.ORDER_CLERK,
            StaffRole.CS_AFTERSALE,
            StaffRole.MANAGER,
            StaffRole.STORE_MANAGER),
    /** See the dispatch batches (daily reports), their schedule and their printed documents. */
    SEE_BATCHES(StaffRole.ORDER_CLERK, StaffRole.WAREHOUSE, StaffRole.STORE_MANAGER, StaffRole.MANAGER),
    /** Cut a batch off early, and stamp its printed documents (开单员). */
    PRINT_BATCH(StaffRole.ORDER_CLERK, StaffRole.STORE_MANAGER),
    /** Check parcels against their outbound slips, dispatch them, close the batch (仓管). */
    DISPATCH(StaffRole.WAREHOUSE),
    /** Acknowledge a closed batch's daily report (部门经理). */
    ACKNOWLEDGE_REPORT(StaffRole.MANAGER),
    /** See stock (on hand, reserved, available): the warehouse, the clerk, customer service before calling a buyer. */
    SEE_STOCK(
            StaffRole.WAREHOUSE,
            StaffRole.ORDER_CLERK,
            StaffRole.CS_PRESALE,
            StaffRole.CS_AFTERSALE,
            StaffRole.STORE_MANAGER,
            StaffRole.MANAGER),
    /** Set, adjust and import stock. */
    KEEP_STOCK(StaffRole.WAREHOUSE, StaffRole.STORE_MANAGER),
    /** See the parcels in trouble and the returns on their way back. */
    SEE_QUEUES(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER, StaffRole.WAREHOUSE, StaffRole.MANAGER),
    /** Follow a parcel in trouble up and decide how it ends (异常快递). */
    FOLLOW_UP_TROUBLE(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER),
    /** Receive and inspect a returned parcel. */
    RECEIVE_RETURNS(StaffRole.WAREHOUSE),
    /** Record that a buyer urged dispatch (催发货). */
    RECORD_URGE(StaffRole.CS_PRESALE, StaffRole.CS_AFTERSALE);

    private final List<StaffRole> roles;

    WarehouseAction(StaffRole... roles) {
        this.roles = List.of(roles);
    }

    @Override
    public List<StaffRole> allowedRoles() {
        return roles;
    }
}

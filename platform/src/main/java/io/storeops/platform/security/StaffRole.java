package io.storeops.platform.security;

/** The department's roles, as carried in the token's {@code roles} claim. */
public enum StaffRole {
    /** Department head: targets, ROI and cost, every report. */
    MANAGER,
    /** Runs a store: operations reports, promotion results. */
    STORE_MANAGER,
    /** Decides refunds and returns. */
    SUPERVISOR,
    /** Pre-sale customer service: buyer requests on orders. */
    CS_PRESALE,
    /** After-sale customer service: order review, addresses, stock-outs, refunds. */
    CS_AFTERSALE,
    /** Pay-per-click reports and ROI. */
    PROMOTION,
    /** Daily cut-off: report, waybills, outbound slips, invoices. */
    ORDER_CLERK,
    /** Checks, dispatches and receives parcels. */
    WAREHOUSE,
    /** Listing pages and images. */
    DESIGNER,
    /** Not a department role: whoever runs the system; replays dead letters and retries parked events. */
    OPERATOR
}

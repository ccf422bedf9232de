package io.storeops.refund.complaints;

/** How customer service and the buyer talked. */
public enum ContactChannel {
    PHONE,
    /** The marketplace's chat (旺旺 on Taobao and Tmall). */
    CHAT,
    EMAIL,
    /** The marketplace's own complaint or message form. */
    MARKETPLACE
}

package io.storeops.refund.cases;

/** What the buyer asks for. */
public enum CaseType {
    /** 仅退款: money back without sending anything (not received, or received and kept). */
    REFUND_ONLY,
    /** 退货退款: the goods come back, then the money. */
    RETURN_AND_REFUND,
    /** 换货: the goods come back, and a replacement goes out without payment. */
    EXCHANGE;

    /** Whether the buyer sends goods back before the case ends. */
    public boolean returnsGoods() {
        return this != REFUND_ONLY;
    }
}

package io.storeops.refund.complaints.web;

import io.storeops.contracts.Money;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.CaseState;
import io.storeops.refund.cases.CaseType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What the desk knows of the order a complaint or review is about, so that customer service finds
 * the buyer and the order (旺旺反查): the storefront's order number, what was paid, and the refund
 * cases already opened on it.
 */
@Schema(description = "The order a complaint or review is about, and its refund cases")
record OrderContext(
        String orderId,

        @Schema(description = "The storefront's order number, as its back office finds it")
        String externalOrderId,

        Instant paidAt,
        Money paid,
        List<RefundCaseLink> refundCases) {

    @Schema(description = "A refund case of the order")
    record RefundCaseLink(String caseId, CaseType type, CaseState state, Money amount) {}

    static OrderContext of(AfterSale file) {
        return new OrderContext(
                file.orderId(),
                file.externalOrderId(),
                file.paidAt(),
                file.paid(),
                file.cases().stream()
                        .map(refund -> new RefundCaseLink(
                                refund.caseId(),
                                refund.type(),
                                refund.state(),
                                new Money(refund.amountMinor(), file.currency())))
                        .toList());
    }
}

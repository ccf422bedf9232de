package io.storeops.refund.cases.web;

import io.storeops.contracts.Money;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.CaseState;
import io.storeops.refund.cases.CaseType;
import io.storeops.refund.cases.Deadline;
import io.storeops.refund.cases.RefundCase;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A case as the desk's lists show it: enough to pick it, its order and how long it has. */
@Schema(description = "A case in a list")
record CaseSummary(
        String orderId,
        String caseId,
        CaseType type,
        CaseState state,
        String reason,
        String source,
        Money amount,
        Instant openedAt,
        Instant lastStepAt,
        String decidedBy,
        Deadline deadline) {

    static CaseSummary of(AfterSale file, RefundCase refund) {
        return new CaseSummary(
                file.orderId(),
                refund.caseId(),
                refund.type(),
                refund.state(),
                refund.reason(),
                refund.source(),
                new Money(refund.amountMinor(), file.currency()),
                refund.openedAt(),
                refund.timeline().isEmpty()
                        ? refund.openedAt()
                        : refund.timeline().get(refund.timeline().size() - 1).at(),
                refund.decision() == null ? null : refund.decision().by(),
                refund.deadline());
    }
}

package io.storeops.refund.ledger.web;

import io.storeops.contracts.Money;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.web.Problems;
import io.storeops.refund.ledger.RefundLedgers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/refund-ledgers")
@Tag(name = "Refund ledgers")
@SecurityRequirement(name = "bearer")
class RefundLedgerController {

    private final RefundLedgers ledgers;

    RefundLedgerController(RefundLedgers ledgers) {
        this.ledgers = ledgers;
    }

    record LedgerView(String orderId, String storeId, Money paid, Money refunded, Money refundable) {}

    @GetMapping("/{orderId}")
    @Operation(summary = "What was paid for an order, what was refunded and what may still be refunded")
    Mono<LedgerView> ledger(@PathVariable String orderId) {
        return StaffAccess.require(
                        StaffRole.CS_AFTERSALE, StaffRole.SUPERVISOR, StaffRole.MANAGER, StaffRole.STORE_MANAGER)
                .flatMap(staff -> ledgers.find(orderId).filter(ledger -> staff.canSee(ledger.storeId())))
                .map(ledger -> new LedgerView(
                        ledger.orderId(), ledger.storeId(), ledger.paid(), ledger.refunded(), ledger.refundable()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Refund ledger", orderId)));
    }
}

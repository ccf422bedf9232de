package io.storeops.refund.cases.web;

import io.storeops.contracts.Money;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.Problems;
import io.storeops.refund.access.RefundAction;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.AfterSales;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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

    private final AfterSales files;

    RefundLedgerController(AfterSales files) {
        this.files = files;
    }

    record LedgerView(
            String orderId,
            String storeId,
            Money paid,
            Money refunded,
            Money refundable,

            @Schema(
                    description =
                            "Each order line: what it cost, what was paid back, what approved cases hold, what is "
                                    + "left, and the units still free for a case")
            List<LineView> lines) {}

    record LineView(
            int lineIndex,
            String sku,
            String title,
            int quantity,
            Money paid,
            Money refunded,
            Money held,
            Money left,
            int unitsLeft) {

        static LineView of(AfterSale.LineStanding line, String currency) {
            return new LineView(
                    line.lineIndex(),
                    line.sku(),
                    line.title(),
                    line.quantity(),
                    new Money(line.paidMinor(), currency),
                    new Money(line.refundedMinor(), currency),
                    new Money(line.heldMinor(), currency),
                    new Money(line.leftMinor(), currency),
                    line.unitsLeft());
        }
    }

    @GetMapping("/{orderId}")
    @Operation(
            summary = "What was paid for an order, what was refunded and what may still be refunded",
            description = "refundable leaves out what approved cases hold until they are paid.")
    Mono<LedgerView> ledger(@PathVariable String orderId) {
        return StaffAccess.require(RefundAction.SEE_CASES)
                .flatMap(staff -> files.find(orderId).filter(file -> staff.canSee(file.storeId())))
                .map(file -> new LedgerView(
                        file.orderId(),
                        file.storeId(),
                        file.paid(),
                        file.refunded(),
                        file.refundable(),
                        file.lineStandings().stream()
                                .map(line -> LineView.of(line, file.currency()))
                                .toList()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Refund ledger", orderId)));
    }
}

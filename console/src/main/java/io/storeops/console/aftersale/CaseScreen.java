package io.storeops.console.aftersale;

import io.storeops.console.aftersale.AfterSaleModel.CaseLine;
import io.storeops.console.aftersale.AfterSaleModel.CaseView;
import io.storeops.console.aftersale.AfterSaleModel.Evidence;
import io.storeops.console.aftersale.AfterSaleModel.Ledger;
import io.storeops.console.aftersale.AfterSaleModel.Order;
import io.storeops.console.aftersale.AfterSaleModel.OrderLine;
import io.storeops.console.aftersale.AfterSaleModel.RefundCase;
import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.desk.Desk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A case as its page shows it to the signed-in person: each line with the order's title for it,
 * the buyer's evidence, and which steps the person is offered — by their role and the case's state,
 * and, for a supervisor who entered, negotiated or revised it, the decision shown held back with
 * why (four-eyes) before they try. The service stays the authority: a step shown and refused anyway
 * is explained.
 *
 * @param order  the order's lines and titles, null when order-service could not give them
 * @param ledger what the order paid and may still refund, null when not known
 */
public record CaseScreen(CaseView view, Order order, Ledger ledger, String currency, Desk desk) {

    /** The decider's steps; the others are customer service's. */
    private static final Set<String> DECISIONS = Set.of("approval", "rejection", "closure");

    /** One line the case gives back, with what the order says of it. */
    public record ShownLine(int lineIndex, String sku, String title, int quantity, long amountMinor) {}

    /** One order line in the revision form: what was bought, and what the case gives back of it now. */
    public record RevisableLine(
            int lineIndex,
            String sku,
            String title,
            Integer bought,
            Long unitPriceMinor,
            int quantity,
            long amountMinor) {}

    public RefundCase refund() {
        return view.refundCase();
    }

    public String caseId() {
        return refund().caseId();
    }

    public List<ShownLine> lines() {
        return refund().lines().stream()
                .map(line -> {
                    OrderLine bought = order == null ? null : order.line(line.lineIndex());
                    return new ShownLine(
                            line.lineIndex(),
                            bought == null ? null : bought.sku(),
                            bought == null ? null : bought.title(),
                            line.quantity(),
                            line.amountMinor());
                })
                .toList();
    }

    /** Every order line (or, without the order, the case's own), with what the case gives back of each now. */
    public List<RevisableLine> revisableLines() {
        List<RevisableLine> lines = new ArrayList<>();
        if (order == null) {
            for (CaseLine line : refund().lines()) {
                lines.add(new RevisableLine(
                        line.lineIndex(), null, null, null, null, line.quantity(), line.amountMinor()));
            }
            return lines;
        }
        for (int index = 0; index < order.lines().size(); index++) {
            OrderLine bought = order.lines().get(index);
            int lineIndex = index;
            CaseLine asked = refund().lines().stream()
                    .filter(line -> line.lineIndex() == lineIndex)
                    .findFirst()
                    .orElse(new CaseLine(index, 0, 0));
            lines.add(new RevisableLine(
                    index,
                    bought.sku(),
                    bought.title(),
                    bought.quantity(),
                    bought.unitPrice() == null ? null : bought.unitPrice().amountMinor(),
                    asked.quantity(),
                    asked.amountMinor()));
        }
        return lines;
    }

    public List<Evidence> evidence() {
        return refund().evidence().stream().map(Evidence::of).toList();
    }

    /** Whether the person decides cases (supervisor, manager). */
    public boolean decider() {
        return desk.may(AfterSaleDesk.DECIDE);
    }

    /** Whether the person works cases with the buyer (after-sale customer service). */
    public boolean handler() {
        return desk.may(AfterSaleDesk.HANDLE_CASES);
    }

    /** The person entered, negotiated or revised the case: another supervisor decides it. */
    public boolean fourEyes() {
        return decider() && refund().workedOnBy(desk.username());
    }

    /** Whether the page offers {@code step}: the person's role takes it and the case, where it stands, does. */
    public boolean offers(String step) {
        boolean role = DECISIONS.contains(step) ? decider() : handler();
        return role && refund().takes(step);
    }

    /** Whether {@code step} is shown but held back: a decision the four-eyes rule keeps from this person. */
    public boolean heldBack(String step) {
        return DECISIONS.contains(step) && offers(step) && fourEyes();
    }

    /** Whether the person is offered any step at all (the actions panel shows then). */
    public boolean offersAny() {
        return List.of(
                        "approval",
                        "rejection",
                        "closure",
                        "contacts",
                        "revision",
                        "withdrawal",
                        "return-parcel",
                        "payment")
                .stream()
                .anyMatch(this::offers);
    }

    /** Money of the case's store as a form shows it to type again. */
    public String typed(long amountMinor) {
        return CaseForms.typed(amountMinor, currency);
    }
}

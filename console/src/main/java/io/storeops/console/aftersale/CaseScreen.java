package io.storeops.console.aftersale;

import io.storeops.console.aftersale.AfterSaleModel.CaseLine;
import io.storeops.console.aftersale.AfterSaleModel.CaseView;
import io.storeops.console.aftersale.AfterSaleModel.Evidence;
import io.storeops.console.aftersale.AfterSaleModel.Ledger;
import io.storeops.console.aftersale.AfterSaleModel.Order;
import io.storeops.console.aftersale.AfterSaleModel.OrderLine;
import io.storeops.console.aftersale.AfterSaleModel.RefundCase;
import java.util.ArrayList;
import java.util.List;

/**
 * A case as its page shows it to the signed-in person: each line with the order's title for it,
 * the buyer's evidence, and the steps refund-service offers the person on it now ({@code steps} of
 * the case's view, by their role and the case's state), with the decisions four-eyes holds back
 * from them ({@code heldBack}) shown disabled with why, before they try. The console adds no rule
 * of its own: a step the service refuses anyway (another supervisor decided first) is explained.
 *
 * @param order  the order's lines and titles, null when order-service could not give them
 * @param ledger what the order paid and may still refund, null when not known
 */
public record CaseScreen(CaseView view, Order order, Ledger ledger) {

    /**
     * The steps this page has a form for (the case routes' last parts). A step the service offers
     * that the page has no form for yet is not shown; the service's list decides the rest.
     */
    static final List<String> FORMS = List.of(
            "approval",
            "rejection",
            "closure",
            "settlement",
            "payout-retry",
            "contacts",
            "revision",
            "withdrawal",
            "return-parcel",
            "payment");

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

    /** The currency of the case's amounts, as the service gives it with the case. */
    public String currency() {
        return view.currency();
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

    /** Whether the page offers {@code step} (a route's last part, e.g. {@code approval}): the service offers it. */
    public boolean offers(String step) {
        return view.steps().contains(step) || view.heldBack().contains(step);
    }

    /** Whether {@code step} is shown but held back: a decision four-eyes keeps from this person. */
    public boolean heldBack(String step) {
        return view.heldBack().contains(step);
    }

    /** Whether four-eyes holds back a decision the page shows: the page says why at the top. */
    public boolean fourEyes() {
        return view.heldBack().stream().anyMatch(FORMS::contains);
    }

    /** Whether the person is offered any step the page has a form for (the actions panel shows then). */
    public boolean offersAny() {
        return FORMS.stream().anyMatch(this::offers);
    }

    /** Money of the case's currency as a form shows it to type again. */
    public String typed(long amountMinor) {
        return CaseForms.typed(amountMinor, currency());
    }
}

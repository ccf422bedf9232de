package io.storeops.order.lifecycle;

import io.storeops.contracts.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The money paid back on an order so far, and the after-sale cases opened on it as the refund desk
 * announced them, so that the order shows each case and how it ended.
 *
 * @param refundIds the refunds counted in {@code refunded}, so that each adds its money once whatever arrives twice
 * @param cases     the desk's cases on the order, in the order they were opened
 */
public record Refunds(Money refunded, List<String> refundIds, List<AfterSaleCase> cases) {

    /**
     * One after-sale case as the order shows it.
     *
     * @param type  REFUND_ONLY, RETURN_AND_REFUND or EXCHANGE
     * @param state REQUESTED, APPROVED, REJECTED, CLOSED or COMPLETED (as the desk last announced it)
     * @param at    when it last moved
     */
    public record AfterSaleCase(String refundId, String type, String state, Money amount, Instant at) {}

    public Refunds {
        refundIds = List.copyOf(refundIds);
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    static Refunds none(String currency) {
        return new Refunds(Money.zero(currency), List.of(), List.of());
    }

    /**
     * These refunds with {@code refundId} counted, never beyond {@code total}; empty when it is
     * counted already or adds nothing.
     */
    Optional<Refunds> counting(String refundId, Money amount, Money total) {
        Money sum = refunded.plus(amount);
        Money capped = sum.isGreaterThan(total) ? total : sum;
        if (refundIds.contains(refundId) || capped.equals(refunded)) {
            return Optional.empty();
        }
        List<String> counted = new ArrayList<>(refundIds);
        counted.add(refundId);
        return Optional.of(new Refunds(capped, counted, cases));
    }

    /**
     * These refunds with case {@code refundId} moved to {@code state}; its type and amount stay as
     * known when the event does not name them. Empty when nothing changes.
     */
    Optional<Refunds> caseMoved(String refundId, String type, String state, Money amount, Instant at) {
        Optional<AfterSaleCase> known = cases.stream()
                .filter(refund -> refund.refundId().equals(refundId))
                .findFirst();
        AfterSaleCase moved = new AfterSaleCase(
                refundId,
                type != null ? type : known.map(AfterSaleCase::type).orElse(null),
                state,
                amount != null ? amount : known.map(AfterSaleCase::amount).orElse(null),
                at);
        if (known.filter(moved::equals).isPresent()) {
            return Optional.empty();
        }
        List<AfterSaleCase> all = new ArrayList<>(cases);
        known.ifPresentOrElse(refund -> all.set(all.indexOf(refund), moved), () -> all.add(moved));
        return Optional.of(new Refunds(refunded, refundIds, all));
    }
}

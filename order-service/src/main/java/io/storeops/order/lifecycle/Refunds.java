package io.storeops.order.lifecycle;

import io.storeops.contracts.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The money paid back on an order so far.
 *
 * @param refundIds the refunds counted in {@code refunded}, so that each adds its money once whatever arrives twice
 */
public record Refunds(Money refunded, List<String> refundIds) {

    public Refunds {
        refundIds = List.copyOf(refundIds);
    }

    static Refunds none(String currency) {
        return new Refunds(Money.zero(currency), List.of());
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
        return Optional.of(new Refunds(capped, counted));
    }
}

package io.storeops.analytics.sales;

import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One paid order as analytics counts it. Summaries are computed from these facts rather than kept
 * as counters, so a redelivered or replayed event can never count twice.
 *
 * @param paidDay the store-local calendar day of payment (ISO yyyy-MM-dd), which reports group by
 */
public record OrderFact(
        String orderId, String storeId, String currency, long gmvMinor, Instant paidAt, String paidDay) {

    public static Change<OrderFact> paid(Optional<OrderFact> current, OrderPaid paid, ZoneId storeZone) {
        if (current.isPresent()) {
            return Change.none();
        }
        return Change.of(new OrderFact(
                paid.orderId(),
                paid.storeId(),
                paid.total().currency(),
                paid.total().amountMinor(),
                paid.paidAt(),
                paid.paidAt().atZone(storeZone).toLocalDate().toString()));
    }
}

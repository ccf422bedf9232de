package io.storeops.refund.ledger;

import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.ConsumedEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The refund ledgers collection, one document per paid order. */
@Component
public class RefundLedgers {

    static final String COLLECTION = "refund_ledgers";

    private final AggregateStore store;
    private final EventCounters counters;

    public RefundLedgers(AggregateStore store, EventCounters counters) {
        this.store = store;
        this.counters = counters;
    }

    public Mono<RefundLedger> find(String orderId) {
        return store.find(COLLECTION, orderId, RefundLedger.class);
    }

    public Mono<Applied.Outcome> orderPaid(OrderPaid paid, ConsumedEvent position) {
        return store.apply(
                        COLLECTION,
                        paid.orderId(),
                        RefundLedger.class,
                        position,
                        current -> RefundLedger.open(current, paid))
                .doOnNext(counters::count)
                .map(Applied::outcome);
    }
}

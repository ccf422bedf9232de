package io.storeops.refund;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.contracts.events.refund.RefundRejected;
import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.refund.cases.AfterSale;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The after-sale desk's business counters, counted from the events a ledger write stored and
 * declared at start for every store, so that dashboards and alert rules have their series from
 * the first scrape: refunds paid and how much, per store and currency, and how long a person took
 * to decide a case from its opening.
 */
@Configuration(proxyBeanMethods = false)
class RefundMetrics {

    private static final String REFUNDED = "storeops.refunds.refunded.minor";
    private static final String DECISION_TIME = "storeops.refund.decision.time";

    @Bean
    EventCounters refundCounters(MeterRegistry meters, StoreCatalog stores) {
        StoreCounter completed =
                new StoreCounter(meters, stores, "storeops.refunds.completed", "Refunds paid back to buyers, by store");
        for (String storeId : stores.storeIds()) {
            String currency = stores.find(storeId).orElseThrow().currency();
            refunded(meters, storeId, currency == null ? "none" : currency);
            decisionTime(meters, storeId);
        }
        return new EventCounters()
                .on(RefundCompleted.class, refund -> {
                    completed.increment(refund.storeId());
                    refunded(meters, refund.storeId(), refund.amount().currency())
                            .increment(refund.amount().amountMinor());
                })
                .on(RefundApproved.class, AfterSale.class, (approved, file) -> {
                    if (!approved.autoApproved()) {
                        decided(meters, file, approved.refundId(), approved.decidedAt());
                    }
                })
                .on(
                        RefundRejected.class,
                        AfterSale.class,
                        (rejected, file) -> decided(meters, file, rejected.refundId(), rejected.decidedAt()));
    }

    private static Counter refunded(MeterRegistry meters, String storeId, String currency) {
        return Counter.builder(REFUNDED)
                .description("Money paid back to buyers, in minor units of its currency")
                .tags("store", storeId, "currency", currency)
                .register(meters);
    }

    private static Timer decisionTime(MeterRegistry meters, String storeId) {
        return Timer.builder(DECISION_TIME)
                .description("From a case's opening to a supervisor's decision on it (automatic ones aside)")
                .tags("store", storeId)
                .register(meters);
    }

    private static void decided(MeterRegistry meters, AfterSale file, String caseId, Instant at) {
        file.find(caseId)
                .ifPresent(
                        refund -> decisionTime(meters, file.storeId()).record(Duration.between(refund.openedAt(), at)));
    }
}

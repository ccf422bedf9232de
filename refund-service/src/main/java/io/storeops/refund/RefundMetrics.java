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
import java.util.HashMap;
import java.util.Map;
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

    @Bean
    EventCounters refundCounters(MeterRegistry meters, StoreCatalog stores) {
        StoreCounter completed =
                new StoreCounter(meters, stores, "storeops.refunds.completed", "Refunds paid back to buyers, by store");
        Map<String, Counter> refunded = new HashMap<>();
        Map<String, Timer> decisions = new HashMap<>();
        for (String storeId : stores.storeIds()) {
            String currency = stores.find(storeId).orElseThrow().currency();
            refunded.put(
                    storeId,
                    Counter.builder("storeops.refunds.refunded.minor")
                            .description("Money paid back to buyers, in minor units of the store's currency")
                            .tags("store", storeId, "currency", currency == null ? "none" : currency)
                            .register(meters));
            decisions.put(
                    storeId,
                    Timer.builder("storeops.refund.decision.time")
                            .description(
                                    "From a case's opening to a supervisor's decision on it (automatic ones aside)")
                            .tags("store", storeId)
                            .register(meters));
        }
        return new EventCounters()
                .on(RefundCompleted.class, refund -> {
                    completed.increment(refund.storeId());
                    refunded.get(refund.storeId()).increment(refund.amount().amountMinor());
                })
                .on(RefundApproved.class, AfterSale.class, (approved, file) -> {
                    if (!approved.autoApproved()) {
                        decided(decisions, file, approved.refundId(), approved.decidedAt());
                    }
                })
                .on(
                        RefundRejected.class,
                        AfterSale.class,
                        (rejected, file) -> decided(decisions, file, rejected.refundId(), rejected.decidedAt()));
    }

    private static void decided(Map<String, Timer> decisions, AfterSale file, String caseId, Instant at) {
        file.find(caseId)
                .ifPresent(refund -> decisions.get(file.storeId()).record(Duration.between(refund.openedAt(), at)));
    }
}

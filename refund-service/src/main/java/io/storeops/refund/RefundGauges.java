package io.storeops.refund;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.storeops.platform.metrics.CountedGauges;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.CaseState;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What waits at the after-sale desk per store, counted on a timer: orders with an open case by the
 * case's state (REQUESTED is what waits for a supervisor) and the age of the oldest such case, and those whose marketplace timer ran
 * out without taking effect yet (the timers are behind).
 */
@Component
class RefundGauges implements DisposableBean {

    private final CountedGauges gauges;

    RefundGauges(
            AfterSales files,
            StoreCatalog stores,
            MeterRegistry meters,
            Clock clock,
            @Value("${storeops.refund.gauge-interval:30s}") Duration interval) {
        gauges = new CountedGauges(meters);
        for (String store : stores.storeIds()) {
            Arrays.stream(CaseState.values())
                    .filter(state -> !state.isFinished())
                    .forEach(state -> {
                        Tags tags = Tags.of("store", store, "state", state.name());
                        gauges.gauge(
                                "storeops.refund.cases.open",
                                "Orders with an after-sale case in the state, by store",
                                tags,
                                () -> files.countWithCaseIn(store, state));
                        gauges.age(
                                "storeops.refund.cases.oldest.age.seconds",
                                "Seconds since the longest-open case in the state was opened (0 when none is)",
                                tags,
                                clock,
                                () -> files.oldestCaseOpenedIn(store, state));
                    });
            gauges.gauge(
                    "storeops.refund.deadlines.overdue",
                    "Orders whose marketplace timer ran out and has not taken effect yet, by store",
                    Tags.of("store", store),
                    () -> files.countDeadlinesBefore(store, clock.instant()));
        }
        gauges.countEvery(interval);
    }

    @Override
    public void destroy() {
        gauges.close();
    }
}

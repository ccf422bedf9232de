package io.storeops.refund.cases;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.schedule.RepeatingWork;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Lets the marketplace timers run out: every look finds the files whose earliest deadline passed
 * (stored on each case, so a restart forgets none) and applies them. Two instances looking at once
 * fire each timer once: the deadline ends in the same write as its effect, and the store refuses
 * the second, stale write; the retry finds nothing left to fire.
 */
@Component
public class MarketplaceTimers implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MarketplaceTimers.class);
    private static final int FILES_PER_LOOK = 100;

    private final AfterSales files;
    private final AfterSaleProperties policies;
    private final Clock clock;
    private final Duration interval;
    private final StoreCounter fired;
    private Disposable looking;

    public MarketplaceTimers(
            AfterSales files,
            AfterSaleProperties policies,
            Clock clock,
            @Value("${storeops.after-sale.timer-interval:PT30S}") Duration interval,
            MeterRegistry meters,
            StoreCatalog stores) {
        this.files = files;
        this.policies = policies;
        this.clock = clock;
        this.interval = interval;
        this.fired = new StoreCounter(
                meters, stores, "storeops.refund.timers.fired", "Marketplace timers that ran out and took effect");
    }

    @Override
    public void run(ApplicationArguments arguments) {
        looking = RepeatingWork.eachDueEvery(
                interval,
                "Firing the after-sale timers due",
                () -> files.deadlinesDue(clock.instant(), FILES_PER_LOOK),
                file -> fire(file, clock.instant()),
                MarketplaceTimers::named,
                log);
    }

    @Override
    public void destroy() {
        if (looking != null) {
            looking.dispose();
        }
    }

    /** Applies every deadline run out by {@code now}. */
    public Mono<Void> fireDue(Instant now) {
        return RepeatingWork.eachAlone(
                files.deadlinesDue(now, FILES_PER_LOOK), file -> fire(file, now), MarketplaceTimers::named, log);
    }

    private Mono<?> fire(AfterSale file, Instant now) {
        return files.decide(
                        file.orderId(), current -> current.deadlinesPassed(now, policies.policyOf(current.storeId())))
                .filter(applied -> applied.outcome() == Applied.Outcome.APPLIED)
                .doOnNext(applied -> countFired(applied.state(), now));
    }

    private static String named(AfterSale file) {
        return "The timers of order " + file.orderId();
    }

    private void countFired(AfterSale file, Instant now) {
        file.cases().stream()
                .flatMap(refund -> refund.timeline().stream())
                .filter(entry -> AfterSale.TIMER.equals(entry.by())
                        && entry.at().equals(now)
                        && !entry.what().equals(AfterSale.NOT_APPROVED_AUTOMATICALLY))
                .forEach(entry -> fired.increment(file.storeId()));
    }
}

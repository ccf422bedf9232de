package io.storeops.refund.payout.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.Money;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.partner.PartnerAttempts;
import io.storeops.platform.schedule.RepeatingWork;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.CaseState;
import io.storeops.refund.cases.RefundCase;
import io.storeops.refund.payout.PayoutProperties;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pays the cases that are refunding, through the gateway: every look finds them in the store
 * (so a restart in the middle loses none), asks the gateway with the case's id as idempotency key
 * (so a retry after a timeout never pays twice), and completes the case only on the gateway's
 * confirmation. A failure is noted on the case and tried again later, each time twice as late; a
 * refusal for good is not retried, but left to a supervisor.
 */
@Component
public class Payouts implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Payouts.class);

    private final AfterSales files;
    private final PayoutGateways gateways;
    private final Clock clock;
    private final PayoutProperties settings;
    private final PartnerAttempts attempts;
    private final StoreCounter retried;
    private final StoreCounter refused;
    private Disposable looking;

    public Payouts(
            AfterSales files,
            PayoutGateways gateways,
            Clock clock,
            PayoutProperties settings,
            MeterRegistry meters,
            StoreCatalog stores) {
        this.files = files;
        this.gateways = gateways;
        this.clock = clock;
        this.settings = settings;
        this.attempts = new PartnerAttempts(
                clock, settings.callTimeout(), settings.retryAfter(), "the payment may have been made");
        this.retried = new StoreCounter(
                meters,
                stores,
                "storeops.refund.payouts.retried",
                "Payout attempts that failed and will be tried again");
        this.refused = new StoreCounter(
                meters,
                stores,
                "storeops.refund.payouts.refused",
                "Payouts the gateway refused for good, left to a supervisor");
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (gateways.storesPaid().isEmpty()) {
            return; // every store's staff pay in the back office
        }
        looking = RepeatingWork.eachDueEvery(
                settings.interval(), "Looking for refunds to pay", this::due, this::payDueCases, Payouts::named, log);
    }

    @Override
    public void destroy() {
        if (looking != null) {
            looking.dispose();
        }
    }

    /** Pays every refunding case whose next attempt is due. */
    public Mono<Void> payDue() {
        return RepeatingWork.eachAlone(due(), this::payDueCases, Payouts::named, log);
    }

    private Flux<AfterSale> due() {
        return files.refundingDue(clock.instant(), gateways.storesPaid(), settings.batch());
    }

    private Mono<Void> payDueCases(AfterSale file) {
        Instant now = clock.instant();
        return Flux.fromIterable(file.cases())
                .filter(refund -> refund.state() == CaseState.REFUNDING)
                .filter(refund -> refund.payout() == null
                        || refund.payout().retryAt() == null
                        || !refund.payout().retryAt().isAfter(now))
                .concatMap(refund -> payAsItIsNow(file.orderId(), refund.caseId()))
                .then();
    }

    private static String named(AfterSale file) {
        return "The payouts of order " + file.orderId();
    }

    /**
     * Pays the case as the store has it now, not as the look found it: a supervisor's retry (a new
     * key) or another instance's payment meanwhile must not be paid again under the old key.
     */
    private Mono<Void> payAsItIsNow(String orderId, String caseId) {
        return files.find(orderId)
                .flatMap(file -> Mono.justOrEmpty(file.find(caseId))
                        .filter(refund -> refund.state() == CaseState.REFUNDING)
                        .flatMap(refund -> pay(file, refund)));
    }

    private Mono<Void> pay(AfterSale file, RefundCase refund) {
        PayoutGateway.PayoutOrder order = new PayoutGateway.PayoutOrder(
                refund.payoutKey(file.orderId()),
                file.orderId(),
                file.storeId(),
                new Money(refund.amountMinor(), file.currency()),
                file.externalOrderId());
        PayoutGateway gateway = gateways.of(file.storeId()).orElseThrow();
        String caseId = refund.caseId();
        return attempts.attempt(
                () -> gateway.pay(order),
                refund.payout() == null ? 0 : refund.payout().attempts(),
                receipt -> files.change(
                        file.orderId(),
                        current -> current.paid(caseId, receipt.reference(), "payout", clock.instant())),
                refusal -> {
                    refused.increment(file.storeId());
                    return files.change(
                            file.orderId(), current -> current.payoutRefused(caseId, refusal, clock.instant()));
                },
                (failure, retryAt) -> {
                    retried.increment(file.storeId());
                    return files.change(
                            file.orderId(), current -> current.payoutFailed(caseId, failure, retryAt, clock.instant()));
                });
    }
}

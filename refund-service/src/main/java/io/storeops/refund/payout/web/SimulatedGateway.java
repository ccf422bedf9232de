package io.storeops.refund.payout.web;

import io.storeops.platform.partner.PartnerFailure;
import io.storeops.refund.payout.PayoutProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A payment gateway for the standalone and the tests: it pays each idempotency key once and
 * answers a repeat with the first payment's reference — while it runs: it keeps its payments in
 * memory, so unlike a real gateway it forgets them when the standalone stops. It can be told to fail the next calls, to
 * refuse them for good, or to pay and then not answer in time (the case a retry must never pay twice).
 */
@Component
public class SimulatedGateway implements PayoutGateway {

    private final Map<String, Receipt> paid = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private final AtomicInteger silencesToCome = new AtomicInteger();
    private final AtomicInteger refusalsToCome = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final Duration silence;

    /** Fails and answers late as configured; a late answer comes after twice the caller's timeout. */
    public SimulatedGateway(PayoutProperties settings) {
        failuresToCome.set(settings.simulated().failures());
        silencesToCome.set(settings.simulated().silences());
        this.silence = settings.callTimeout().multipliedBy(2);
    }

    @Override
    public Mono<Receipt> pay(PayoutOrder order) {
        return Mono.defer(() -> {
            calls.incrementAndGet();
            if (failuresToCome.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
                return Mono.error(new IllegalStateException("simulated gateway: 503 Service Unavailable"));
            }
            // what was told comes in this order: failures, late answers, then refusals
            if (silencesToCome.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
                return Mono.delay(silence).thenReturn(paid(order)); // paid, but the answer comes too late
            }
            if (refusalsToCome.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
                return Mono.error(
                        PartnerFailure.refused("simulated gateway: 422 the payment method cannot be refunded"));
            }
            return Mono.just(paid(order));
        });
    }

    /** Pays the order's key once: a repeat gets the first payment's receipt. */
    private Receipt paid(PayoutOrder order) {
        return paid.computeIfAbsent(order.idempotencyKey(), key -> new Receipt("SIM-" + (paid.size() + 1)));
    }

    /** The next {@code count} calls fail without paying. */
    public void failNext(int count) {
        failuresToCome.set(count);
    }

    /** The next {@code count} calls are refused for good, paying nothing. */
    public void refuseNext(int count) {
        refusalsToCome.set(count);
    }

    /** The next {@code count} calls pay, but answer too late. */
    public void silenceNext(int count) {
        silencesToCome.set(count);
    }

    /** How many payouts were made: one per key. */
    public int payments() {
        return paid.size();
    }

    public int calls() {
        return calls.get();
    }
}

package io.storeops.refund.replies.web;

import io.storeops.platform.partner.PartnerFailure;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A storefront for the standalone and the tests that takes review replies: it posts each
 * idempotency key once and answers a repeat with the first post's reference — while it runs: it
 * keeps its posts in memory, so unlike a real storefront it forgets them when the standalone stops.
 * It can be told to fail the next calls or to refuse them for good.
 */
@Component
public class SimulatedReplyChannel implements ReviewReplyChannel {

    private final Map<String, Posted> posted = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private final AtomicInteger refusalsToCome = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public Mono<Posted> post(ReplyPost reply) {
        return Mono.defer(() -> {
            calls.incrementAndGet();
            if (failuresToCome.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
                return Mono.error(new IllegalStateException("simulated storefront: 503 Service Unavailable"));
            }
            if (refusalsToCome.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
                return Mono.error(PartnerFailure.refused("simulated storefront: 422 the reply names a phone number"));
            }
            return Mono.just(posted.computeIfAbsent(
                    reply.idempotencyKey(), key -> new Posted("SIM-REPLY-" + (posted.size() + 1))));
        });
    }

    /** The next {@code count} calls fail without posting. */
    public void failNext(int count) {
        failuresToCome.set(count);
    }

    /** The next {@code count} calls are refused for good, posting nothing. */
    public void refuseNext(int count) {
        refusalsToCome.set(count);
    }

    /** The reply posted with {@code key}, with its reference; null when none was. */
    public Posted postedWith(String key) {
        return posted.get(key);
    }

    /** How many replies were posted: one per key. */
    public int posts() {
        return posted.size();
    }

    public int calls() {
        return calls.get();
    }
}

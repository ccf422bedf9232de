package io.storeops.platform.messaging;

import io.storeops.contracts.StoreOpsEvent;
import io.storeops.platform.outbox.ConsumedEvent;
import java.time.Instant;

/**
 * A consumed event with its CloudEvents attributes.
 *
 * @param aggregate the producing aggregate ({@code ce_aggregate}); null from producers that predate it
 * @param replay    delivered again after it was held back (a replayed dead letter, a retried parked entry)
 */
public record EventEnvelope<T extends StoreOpsEvent>(
        String id,
        String type,
        String source,
        String subject,
        String aggregate,
        long sequence,
        boolean replay,
        Instant time,
        String traceparent,
        T payload) {

    /**
     * Its position in the producer's stream, for {@code AggregateStore.apply}'s once-only guard: by
     * producing aggregate; for an event without one, by source and subject as before it existed.
     */
    public ConsumedEvent position() {
        return new ConsumedEvent(aggregate != null ? aggregate : source + "/" + subject, sequence, replay);
    }
}

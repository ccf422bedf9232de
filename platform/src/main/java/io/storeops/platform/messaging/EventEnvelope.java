package io.storeops.platform.messaging;

import io.storeops.contracts.StoreOpsEvent;
import io.storeops.platform.outbox.ConsumedEvent;
import java.time.Instant;

/** A consumed event with its CloudEvents attributes. */
public record EventEnvelope<T extends StoreOpsEvent>(
        String id,
        String type,
        String source,
        String subject,
        long sequence,
        Instant time,
        String traceparent,
        T payload) {

    /** Its position in the producer's stream, for {@code AggregateStore.apply}'s once-only guard. */
    public ConsumedEvent position() {
        return new ConsumedEvent(source, subject, sequence);
    }
}

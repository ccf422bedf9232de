package io.storeops.platform.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document until the broker has acknowledged it. The entry
 * holds everything the CloudEvents headers need, so the relay publishes without the domain.
 *
 * @param eventId     the CloudEvents id ({@code ce_id})
 * @param sequence    the producing aggregate's event sequence: consumers apply each once, in order
 * @param payload     the event's JSON, exactly as it will be published
 */
public record OutboxEntry(
        String eventId,
        String type,
        int schemaVersion,
        String topic,
        String subject,
        long sequence,
        String source,
        Instant time,
        String traceparent,
        String payload) {
}

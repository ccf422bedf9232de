package io.storeops.platform.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document until the broker has acknowledged it. The entry
 * holds everything the CloudEvents headers need, so the relay publishes without the domain.
 *
 * @param eventId     the CloudEvents id ({@code ce_id})
 * @param aggregate   the producing aggregate, {@code <collection>/<id>} ({@code ce_aggregate})
 * @param sequence    the producing aggregate's event sequence: consumers apply each once, in order
 * @param payload     the event's JSON, exactly as it will be published
 * @param replay      published again after it was parked: consumers apply it although it is late
 */
public record OutboxEntry(
        String eventId,
        String type,
        int schemaVersion,
        String topic,
        String subject,
        String aggregate,
        long sequence,
        String source,
        Instant time,
        String traceparent,
        String payload,
        boolean replay) {}

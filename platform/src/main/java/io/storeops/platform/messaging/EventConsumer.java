package io.storeops.platform.messaging;

import io.storeops.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The service's Kafka consumer ({@code storeopsEvents}), fed a whole poll at a time. Records with
 * the same key (one aggregate's events, in the order Kafka keeps for a key) are applied one after
 * the other; different keys are applied concurrently, so that the store's round trips overlap
 * instead of queueing behind each other.
 *
 * <p>Every failed attempt is judged on its own. An outage (store or broker unreachable, a timeout, a
 * race kept being lost) fails the poll, and the listener container retries it with capped backoff
 * for as long as the outage lasts: what was applied before is recognised as applied, so the retry
 * only finishes the rest. A failure of the event itself is retried a few times at once (a race may
 * pass) and then dead-lettered, and its key moves on; a poll retried after an outage does not
 * dead-letter the same record twice (within this process: after a restart or a rebalance it may be
 * written again, and a replay still applies it once).
 */
public class EventConsumer implements Consumer<Message<List<byte[]>>> {

    /** Dead-lettered positions remembered for polls retried after an outage; far more than one poll holds. */
    private static final int DEAD_LETTERED_KEPT = 10_000;

    private final EventDispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final int eventAttempts;
    private final int concurrentKeys;
    private final Set<String> deadLettered =
            Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > DEAD_LETTERED_KEPT;
                }
            }));

    /**
     * @param eventAttempts  attempts of an event that fails for its own reasons before it is dead-lettered
     * @param concurrentKeys keys of one poll applied at the same time
     */
    public EventConsumer(EventDispatcher dispatcher, DeadLetters deadLetters, int eventAttempts, int concurrentKeys) {
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.eventAttempts = eventAttempts;
        this.concurrentKeys = concurrentKeys;
    }

    @Override
    public void accept(Message<List<byte[]>> poll) {
        Map<String, List<Message<byte[]>>> byKey = new LinkedHashMap<>();
        for (Message<byte[]> record : records(poll)) {
            byKey.computeIfAbsent(orderingKey(record), key -> new ArrayList<>()).add(record);
        }
        AtomicReference<Throwable> outage = new AtomicReference<>();
        Flux.fromIterable(byKey.values())
                // The keys under way when an outage shows finish, so the retry has less to do; no key starts after it,
                // so one try of the poll takes at most a handler timeout or so, far within max.poll.interval.ms.
                .flatMapDelayError(
                        sameKey -> Flux.fromIterable(sameKey).concatMap(record -> consume(record, outage)),
                        concurrentKeys,
                        1)
                .then()
                .onErrorMap(failures ->
                        outage.get() != null ? outage.get() : failures) // the outage, not a composite of its echoes
                .block();
    }

    private Mono<Void> consume(Message<byte[]> record, AtomicReference<Throwable> outage) {
        if (outage.get() != null) {
            return Mono.error(outage.get());
        }
        if (deadLettered.contains(position(record))) {
            return Mono.empty();
        }
        return attempt(record, 1).doOnError(failure -> outage.compareAndSet(null, failure));
    }

    private Mono<Void> attempt(Message<byte[]> record, int attempt) {
        return dispatcher
                .apply(record)
                .onErrorResume(
                        failure -> !FailurePolicy.isInfrastructure(failure),
                        eventFailure -> attempt < eventAttempts
                                ? attempt(record, attempt + 1)
                                : deadLetter(record, eventFailure));
    }

    private Mono<Void> deadLetter(Message<byte[]> record, Throwable failure) {
        return Mono.fromRunnable(() -> {
                    deadLetters.send(record, failure);
                    deadLettered.add(position(record));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    /** One message per record of the poll, with that record's headers (the binder gives each header as a list). */
    private static List<Message<byte[]>> records(Message<List<byte[]>> poll) {
        MessageHeaders headers = poll.getHeaders();
        List<?> payloads = poll.getPayload(); // a record without a value arrives as KafkaNull, not as bytes
        List<?> converted = list(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<?> keys = list(headers, KafkaHeaders.RECEIVED_KEY);
        List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);
        List<Message<byte[]>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            MessageBuilder<byte[]> record =
                    MessageBuilder.withPayload(payloads.get(i) instanceof byte[] value ? value : new byte[0]);
            if (converted.get(i) instanceof Map<?, ?> recordHeaders) {
                recordHeaders.forEach((name, value) -> record.setHeader(name.toString(), value));
            }
            record.setHeader(KafkaHeaders.RECEIVED_KEY, keys.get(i));
            record.setHeader(KafkaHeaders.RECEIVED_TOPIC, topics.get(i));
            record.setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions.get(i));
            record.setHeader(KafkaHeaders.OFFSET, offsets.get(i));
            records.add(record.build());
        }
        return records;
    }

    private static List<?> list(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalStateException("a poll of records without the list header " + name + "; is batch-mode on?");
    }

    /** Records with the same key keep their order; a record without a key is ordered with its partition's others. */
    private static String orderingKey(Message<byte[]> record) {
        Object key = record.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        if (key == null) {
            return "partition:" + record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC) + "/"
                    + record.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
        }
        return "key:" + (key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString());
    }

    /** Where the record was, and which event: an offset alone would be reused by a topic deleted and made again. */
    private static String position(Message<byte[]> record) {
        MessageHeaders headers = record.getHeaders();
        return headers.get(KafkaHeaders.RECEIVED_TOPIC) + "/" + headers.get(KafkaHeaders.RECEIVED_PARTITION) + "@"
                + headers.get(KafkaHeaders.OFFSET) + "#" + EventDispatcher.header(headers, CloudEventHeaders.ID);
    }
}

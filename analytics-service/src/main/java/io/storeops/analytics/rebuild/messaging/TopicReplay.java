package io.storeops.analytics.rebuild.messaging;

import io.storeops.analytics.rebuild.FactReplay;
import io.storeops.analytics.rebuild.RebuildStatus;
import io.storeops.contracts.CloudEventHeaders;
import io.storeops.platform.messaging.EventDispatcher;
import io.storeops.platform.messaging.EventHistory;
import io.storeops.platform.messaging.FailurePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

/**
 * The consumed topics, from their beginning, through the service's own event dispatcher, judged as
 * the live consumer judges them: an event that fails for its own reasons is tried a few times and
 * then skipped (the live consumer dead-lettered it when it first came; it is not dead-lettered
 * twice), a type without a handler is ignored, and an outage (store or broker away, a timeout)
 * ends the replay.
 */
@Component
class TopicReplay implements FactReplay {

    private static final int SKIPPED_LISTED = 10;

    private final EventHistory history;
    private final EventDispatcher dispatcher;
    private final int eventAttempts;

    TopicReplay(
            EventHistory history,
            EventDispatcher dispatcher,
            @Value("${storeops.messaging.event-attempts:3}") int eventAttempts) {
        this.history = history;
        this.dispatcher = dispatcher;
        this.eventAttempts = eventAttempts;
    }

    @Override
    public <T> T withLiveConsumerStopped(Supplier<T> work) {
        return history.withLiveConsumerStopped(work);
    }

    @Override
    public Tally replayAll(Consumer<Tally> progress) {
        Counts counts = new Counts();
        history.read(counts::replay, partitions -> {
            counts.partitions = partitions.stream()
                    .map(partition -> new RebuildStatus.Partition(
                            partition.topic(), partition.partition(), partition.position(), partition.end()))
                    .toList();
            progress.accept(counts.tally());
        });
        return counts.tally();
    }

    /** What the replay did so far; touched by the replaying thread only. */
    private final class Counts {

        long events;
        long applied;
        long ignored;
        long skipped;
        final List<RebuildStatus.SkippedEvent> skippedEvents = new ArrayList<>();
        List<RebuildStatus.Partition> partitions = List.of();

        void replay(Message<byte[]> record) {
            events++;
            RuntimeException failure = null;
            for (int attempt = 1; attempt <= eventAttempts; attempt++) {
                try {
                    if (!dispatcher.handles(record)) {
                        ignored++;
                        return;
                    }
                    dispatcher.dispatch(record);
                    applied++;
                    return;
                } catch (RuntimeException failed) {
                    if (FailurePolicy.isInfrastructure(failed)) {
                        throw failed;
                    }
                    failure = failed;
                }
            }
            skipped++;
            if (skippedEvents.size() < SKIPPED_LISTED) {
                MessageHeaders headers = record.getHeaders();
                skippedEvents.add(new RebuildStatus.SkippedEvent(
                        EventDispatcher.header(headers, CloudEventHeaders.ID),
                        EventDispatcher.header(headers, CloudEventHeaders.TYPE),
                        String.valueOf(headers.get(KafkaHeaders.RECEIVED_TOPIC)),
                        (Integer) headers.get(KafkaHeaders.RECEIVED_PARTITION),
                        (Long) headers.get(KafkaHeaders.OFFSET),
                        String.valueOf(failure)));
            }
        }

        Tally tally() {
            return new Tally(events, applied, ignored, skipped, List.copyOf(skippedEvents), partitions);
        }
    }
}

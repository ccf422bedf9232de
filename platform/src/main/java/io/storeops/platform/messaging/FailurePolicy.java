package io.storeops.platform.messaging;

import com.mongodb.MongoException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.Topics;
import io.storeops.platform.outbox.ConcurrentUpdateException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What a consumer does when handling an event fails, moved from the binder into the listener
 * container so that waiting never takes the consumer out of its group:
 * <ul>
 *   <li>the <b>infrastructure</b> failed (store or broker unreachable, a timeout, a lost race that
 *       kept being lost): the record is retried with capped exponential backoff for as long as
 *       the failure lasts, never dead-lettered. Between attempts the container seeks back and
 *       polls again, so the consumer stays in its group however long the outage;</li>
 *   <li>the <b>event</b> cannot be applied (unparseable, schema-invalid, refused by a rule, a bug):
 *       a few quick attempts, then {@code <topic>.<group>.dlq}, and the partition flows on. A dead
 *       letter is put back with the replay tool once its cause is fixed.</li>
 * </ul>
 */
public class FailurePolicy implements ListenerContainerWithDlqAndRetryCustomizer {

    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final BackOff infrastructureBackOff;
    private final BackOff eventBackOff;
    private final MeterRegistry meters;
    private final String service;

    /**
     * @param maxInterval    the longest wait between two attempts during an outage (keep it well below
     *                       {@code max.poll.interval.ms} minus the handler timeout)
     * @param eventAttempts  attempts for an event that fails for reasons of its own before it is dead-lettered
     */
    public FailurePolicy(KafkaOperations<byte[], byte[]> deadLetters, Duration maxInterval, int eventAttempts, MeterRegistry meters,
                         String service) {
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.service = service;
        ExponentialBackOff outage = new ExponentialBackOff(100, 2.0);
        outage.setMaxInterval(maxInterval.toMillis());
        this.infrastructureBackOff = outage; // no maximum elapsed time: as long as it lasts
        this.eventBackOff = new FixedBackOff(100, Math.max(0, eventAttempts - 1));
    }

    /** Whether a failure is the infrastructure's (retry as long as it lasts) rather than the event's. */
    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof TimeoutException || cause instanceof ConcurrentUpdateException
                    || cause instanceof MongoException mongo && !(mongo instanceof com.mongodb.MongoWriteException)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    /**
     * Called by the binder for each consumer binding (with DLQ handling left to the container, the
     * binder's own resolver is not used): dead letters go to {@code <topic>.<group>.dlq}, partition 0
     * (their order does not matter), each counted in {@code storeops_dlq_writes_total}.
     */
    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> binderResolver, BackOff binderBackOff) {
        for (String topic : destinationName.split(",")) {
            deadLetterCounter(topic.trim()); // at zero from the start, so an alert finds it before the first dead letter
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters, (record, failure) -> {
            deadLetterCounter(record.topic()).increment();
            return new TopicPartition(Topics.deadLetter(record.topic(), group), 0);
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, eventBackOff);
        handler.setBackOffFunction((record, failure) -> isInfrastructure(failure) ? infrastructureBackOff : eventBackOff);
        handler.setResetStateOnExceptionChange(true);
        handler.setCommitRecovered(true);
        container.setCommonErrorHandler(handler);
    }

    private Counter deadLetterCounter(String topic) {
        return Counter.builder("storeops.dlq.writes")
                .description("Records sent to a dead-letter topic: events that could not be applied")
                .tags("service", service, "topic", topic)
                .register(meters);
    }
}

package io.storeops.platform.messaging;

import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteConcernException;
import io.storeops.platform.outbox.ConcurrentUpdateException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listener container's side of the failure policy (the binder's own retry and DLQ are off):
 * whatever {@link EventConsumer} throws is an outage, and the poll is retried with capped
 * exponential backoff for as long as it lasts, never dead-lettered (the backoff has no end, so no
 * recoverer is ever called). Between attempts the container keeps polling with the partitions
 * paused, so the consumer stays in its group however long the outage.
 */
public class FailurePolicy implements ListenerContainerWithDlqAndRetryCustomizer {

    private final DeadLetters deadLetters;
    private final BackOff outageBackOff;

    /**
     * @param maxInterval the longest wait between two attempts during an outage (keep it well below
     *                    {@code max.poll.interval.ms} minus the handler timeout)
     */
    public FailurePolicy(DeadLetters deadLetters, Duration maxInterval) {
        this.deadLetters = deadLetters;
        ExponentialBackOff outage = new ExponentialBackOff(100, 2.0);
        outage.setMaxInterval(maxInterval.toMillis());
        this.outageBackOff = outage; // no maximum elapsed time: as long as it lasts
    }

    /**
     * Server error codes that say the server could not do it now (stepping down, shutting down,
     * unreachable, out of time, a write conflict), not that the command was wrong.
     */
    private static final Set<Integer> TRANSIENT_SERVER_CODES =
            Set.of(6, 7, 50, 64, 89, 91, 112, 134, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436);

    /**
     * Whether a failure is the infrastructure's (retry as long as it lasts) rather than the event's.
     * A server's answer counts as an outage only when it says so (a retryable label or a transient
     * code): a command the server refuses as wrong would be refused again forever, and must not hold
     * its partition.
     */
    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof TimeoutException
                    || cause instanceof ConcurrentUpdateException
                    || cause instanceof MongoException mongo && isMongoOutage(mongo)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMongoOutage(MongoException failure) {
        if (failure.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                || failure.hasErrorLabel("RetryableWriteError")) {
            return true;
        }
        if (failure instanceof MongoWriteConcernException) {
            return true;
        }
        if (failure instanceof MongoServerException server) {
            return TRANSIENT_SERVER_CODES.contains(server.getCode());
        }
        return true; // the client's side: no connection, no server selected in time, interrupted, not authorised
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    /** Called by the binder for each consumer binding. */
    @Override
    public void configure(
            AbstractMessageListenerContainer<?, ?> container,
            String destinationName,
            String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> binderResolver,
            BackOff binderBackOff) {
        for (String topic : destinationName.split(",")) {
            deadLetters.counter(
                    topic.trim()); // at zero from the start, so an alert finds it before the first dead letter
        }
        DefaultErrorHandler handler = new DefaultErrorHandler(outageBackOff);
        // Every failure that reaches the container is an outage: none may count as fatal and have its poll discarded.
        handler.setClassifications(Map.of(), true);
        container.setCommonErrorHandler(handler);
    }
}

package io.storeops.platform.outbox;

import java.util.function.BooleanSupplier;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Tells a refusal the broker will repeat forever (the entry must be parked) from a failure of the
 * infrastructure (retried for as long as it lasts). When unsure, it is the infrastructure: parking
 * an event during an outage would hold back an order for nothing.
 */
final class PublishFailures {

    private PublishFailures() {}

    /**
     * The reason the broker will never take the entry, or null if it may later.
     *
     * @param topicMissing asked only when the topic seems unknown: whether the cluster answers and lacks it
     */
    static String permanentReason(Throwable failure, BooleanSupplier topicMissing) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException) {
                return "too-large";
            }
            if (cause instanceof AuthorizationException) {
                return "not-authorised";
            }
            if (cause instanceof InvalidTopicException) {
                return "invalid-topic";
            }
            if (cause instanceof UnknownTopicOrPartitionException && topicMissing.getAsBoolean()) {
                return "unknown-topic"; // Kafka also says so for a moment while a leader moves: only if the topic is
                // really gone
            }
            if (cause instanceof SerializationException) {
                return "unserialisable";
            }
            if (cause instanceof TimeoutException timeout
                    && String.valueOf(timeout.getMessage()).contains("not present in metadata")
                    && topicMissing.getAsBoolean()) {
                return "unknown-topic";
            }
        }
        return null;
    }
}

package io.storeops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class PublishFailuresTest {

    @Test
    void refusalsTheBrokerWillRepeatAreParkedWithTheirReason() {
        assertThat(PublishFailures.permanentReason(
                        new KafkaException(new RecordTooLargeException("too big")), () -> false))
                .isEqualTo("too-large");
        assertThat(PublishFailures.permanentReason(new TopicAuthorizationException("no ACL"), () -> false))
                .isEqualTo("not-authorised");
    }

    @Test
    void anUnknownTopicIsPermanentOnlyWhenTheClusterSaysItDoesNotExist() {
        var metadataTimeout =
                new TimeoutException("Topic storeops.order.events not present in metadata after 5000 ms.");
        var unknownForAMoment = new UnknownTopicOrPartitionException("leader moving");

        assertThat(PublishFailures.permanentReason(metadataTimeout, () -> true)).isEqualTo("unknown-topic");
        assertThat(PublishFailures.permanentReason(metadataTimeout, () -> false))
                .as("broker unreachable")
                .isNull();
        assertThat(PublishFailures.permanentReason(unknownForAMoment, () -> false))
                .as("a leader election")
                .isNull();
    }

    @Test
    void anOutageIsNeverPermanent() {
        assertThat(PublishFailures.permanentReason(new NetworkException("connection refused"), () -> true))
                .isNull();
        assertThat(PublishFailures.permanentReason(
                        new TimeoutException("Expiring 3 record(s): 30000 ms has passed"), () -> true))
                .isNull();
    }
}

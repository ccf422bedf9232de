package io.storeops.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcernResult;
import com.mongodb.WriteError;
import com.mongodb.bulk.WriteConcernError;
import io.storeops.platform.outbox.ConcurrentUpdateException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;

/** Which failures wait for the infrastructure and which are the event's own (dead-lettered after a few attempts). */
class FailurePolicyTest {

    private static final ServerAddress SERVER = new ServerAddress("store", 27017);

    @Test
    void anUnreachableOrSlowStoreIsAnOutage() {
        assertThat(FailurePolicy.isInfrastructure(new DataAccessResourceFailureException("down")))
                .isTrue();
        assertThat(FailurePolicy.isInfrastructure(new MongoSocketReadException("reset", SERVER)))
                .isTrue();
        assertThat(FailurePolicy.isInfrastructure(new MongoTimeoutException("no server selected")))
                .isTrue();
        assertThat(FailurePolicy.isInfrastructure(new IllegalStateException("blocked", new TimeoutException())))
                .isTrue();
        assertThat(FailurePolicy.isInfrastructure(new ConcurrentUpdateException("orders", "o-1")))
                .isTrue();
    }

    @Test
    void aServerThatSaysItCannotNowIsAnOutage() {
        assertThat(FailurePolicy.isInfrastructure(command(10107, "NotWritablePrimary")))
                .as("a primary stepping down")
                .isTrue();
        assertThat(FailurePolicy.isInfrastructure(
                        new UncategorizedMongoDbException("wrapped", command(91, "ShutdownInProgress"))))
                .isTrue();
        assertThat(FailurePolicy.isInfrastructure(write(112, "WriteConflict"))).isTrue();
        MongoCommandException labelled = command(251, "NoSuchTransaction");
        labelled.addLabel("RetryableWriteError");
        assertThat(FailurePolicy.isInfrastructure(labelled))
                .as("labelled retryable by the server")
                .isTrue();
        assertThat(FailurePolicy.isInfrastructure(new MongoWriteConcernException(
                        new WriteConcernError(
                                64, "WriteConcernFailed", "waiting for replication timed out", new BsonDocument()),
                        WriteConcernResult.unacknowledged(),
                        SERVER)))
                .isTrue();
    }

    @Test
    void aCommandTheServerRefusesAsWrongIsTheEventsFailureNotAnOutageThatHoldsThePartitionForever() {
        assertThat(FailurePolicy.isInfrastructure(new UncategorizedMongoDbException("bad", command(2, "BadValue"))))
                .isFalse();
        assertThat(FailurePolicy.isInfrastructure(write(17419, "document too large")))
                .isFalse();
        assertThat(FailurePolicy.isInfrastructure(new IllegalArgumentException("refused by a rule")))
                .isFalse();
    }

    private static MongoCommandException command(int code, String name) {
        return new MongoCommandException(
                new BsonDocument("ok", new BsonInt32(0))
                        .append("code", new BsonInt32(code))
                        .append("codeName", new BsonString(name))
                        .append("errmsg", new BsonString(name))
                        .append("errorLabels", new BsonArray()),
                SERVER);
    }

    private static MongoWriteException write(int code, String message) {
        return new MongoWriteException(new WriteError(code, message, new BsonDocument()), SERVER, Set.of());
    }
}

package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process of the launcher that runs the store alone, as a split system starts it: it answers on
 * its port, leaves the dev token key for the services started later, and stops on SIGTERM.
 */
class StoreOnlyProcessTest {

    @TempDir
    Path workDir;

    @Test
    void theStoreAloneAnswersLeavesTheKeyAndStopsOnSigterm() throws Exception {
        Path dataDir = workDir.resolve("data");
        Path log = workDir.resolve("store.log");
        int mongoPort = BrokerRestartTest.freePort();
        Process store = StoreAlone.start(dataDir, log, mongoPort);
        try {
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
                assertThat(client.getDatabase("orders").runCommand(new Document("ping", 1)))
                        .containsEntry("ok", 1.0);
            }
            assertThat(Files.readString(log))
                    .contains("this process runs: store", "mongodb://127.0.0.1:" + mongoPort)
                    .doesNotContain("Kafka", "Dev tokens");
            assertThat(dataDir.resolve(DevCredentials.KEY_FILE)).isNotEmptyFile();
            assertThat(dataDir.resolve(DevCredentials.TOKENS_FILE))
                    .as("no service here to issue tokens for")
                    .doesNotExist();

            store.destroy();

            assertThat(store.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).contains("Stopping StoreOps...");
        } finally {
            store.destroyForcibly();
        }
    }
}

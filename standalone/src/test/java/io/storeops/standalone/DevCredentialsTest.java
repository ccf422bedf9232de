package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.EventJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processes starting at once on one data folder (here threads, which see the files as processes do). */
class DevCredentialsTest {

    private static final int PROCESSES = 8;

    @TempDir
    Path dataDir;

    @RepeatedTest(5)
    void processesStartingAtOnceAllTakeTheSameNewKey() throws Exception {
        List<String> keys = all(() -> DevCredentials.load(dataDir).secretBase64());

        assertThat(keys).hasSize(PROCESSES).containsOnly(keys.get(0));
        assertThat(Files.readString(dataDir.resolve(DevCredentials.KEY_FILE), StandardCharsets.US_ASCII))
                .isEqualTo(keys.get(0));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(DevCredentials.KEY_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no file written aside is left")
                    .containsExactly(DevCredentials.KEY_FILE);
        }
    }

    @Test
    void anExistingKeyIsKept() throws Exception {
        String existing = "c3RvcmVvcHMtZGV2LWtleS1vZi1hbi1lYXJsaWVyLXN0YXJ0IQ==";
        Files.writeString(dataDir.resolve(DevCredentials.KEY_FILE), existing, StandardCharsets.US_ASCII);

        assertThat(DevCredentials.load(dataDir).secretBase64()).isEqualTo(existing);
        assertThat(Files.readString(dataDir.resolve(DevCredentials.KEY_FILE), StandardCharsets.US_ASCII))
                .isEqualTo(existing);
    }

    @Test
    void aReaderOfTheTokensNeverFindsAHalfWrittenFile() throws Exception {
        DevCredentials credentials = DevCredentials.load(dataDir);
        credentials.issueTokens(dataDir, List.of("tmall-flagship"));
        Path tokens = dataDir.resolve(DevCredentials.TOKENS_FILE);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reads = reader.submit(() -> {
                int read = 0;
                while (writing.get()) {
                    assertThat(EventJson.mapper()
                                    .readTree(Files.readAllBytes(tokens))
                                    .has("STORE_MANAGER"))
                            .isTrue();
                    read++;
                }
                return read;
            });
            all(() -> {
                for (int write = 0; write < 20; write++) {
                    credentials.issueTokens(dataDir, List.of("tmall-flagship", "shopify-us"));
                }
                return true;
            });
            writing.set(false);

            assertThat(reads.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            writing.set(false);
            reader.shutdownNow();
        }
        assertThat(Files.getPosixFilePermissions(tokens)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    /** What {@code caller} returns in each of {@link #PROCESSES} threads, all let go at the same moment. */
    private static <T> List<T> all(Callable<T> caller) throws Exception {
        ExecutorService processes = Executors.newFixedThreadPool(PROCESSES);
        CountDownLatch together = new CountDownLatch(1);
        try {
            List<Future<T>> results = IntStream.range(0, PROCESSES)
                    .mapToObj(process -> processes.submit(() -> {
                        together.await();
                        return caller.call();
                    }))
                    .toList();
            together.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get(30, TimeUnit.SECONDS));
            }
            return values;
        } finally {
            processes.shutdownNow();
        }
    }
}

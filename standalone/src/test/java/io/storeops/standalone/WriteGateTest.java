package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteGateTest {

    private final WriteGate gate = new WriteGate();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch finishWrite = new CountDownLatch(1);
    private final CountDownLatch finishCommit = new CountDownLatch(1);

    @AfterEach
    void release() {
        finishWrite.countDown();
        finishCommit.countDown();
        threads.shutdownNow();
    }

    @Test
    void aCommitWaitsForTheWriteApplyingAndHoldsBackNoNewWriteWhileItWaits() {
        CountDownLatch writing = new CountDownLatch(1);
        threads.submit(() -> gate.applying(() -> {
            writing.countDown();
            awaitQuietly(finishWrite);
        }));
        awaitQuietly(writing);
        AtomicBoolean committed = new AtomicBoolean();
        CompletableFuture<Void> commit =
                CompletableFuture.runAsync(() -> gate.between(() -> committed.set(true)), threads);

        CompletableFuture<String> laterWrite =
                CompletableFuture.supplyAsync(() -> gate.applying(() -> "applied"), threads);

        assertThat(laterWrite).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("applied");
        assertThat(commit).isNotDone();
        assertThat(committed).isFalse();
        finishWrite.countDown();
        assertThat(commit).succeedsWithin(Duration.ofSeconds(10));
        assertThat(committed).isTrue();
    }

    @Test
    void aWriteWaitsWhileACommitRuns() {
        CountDownLatch committing = new CountDownLatch(1);
        CompletableFuture<Void> commit = CompletableFuture.runAsync(
                () -> gate.between(() -> {
                    committing.countDown();
                    awaitQuietly(finishCommit);
                }),
                threads);
        awaitQuietly(committing);

        CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> gate.applying(() -> "applied"), threads);

        await("the write is waiting")
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !write.isDone());
        finishCommit.countDown();
        assertThat(write).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("applied");
        assertThat(commit).succeedsWithin(Duration.ofSeconds(10));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

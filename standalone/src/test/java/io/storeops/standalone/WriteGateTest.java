package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteGateTest {

    private final WriteGate gate = new WriteGate();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch finishWrite = new CountDownLatch(1);
    private final CountDownLatch finishCommit = new CountDownLatch(1);
    private final AtomicBoolean committed = new AtomicBoolean();

    @AfterEach
    void release() {
        finishWrite.countDown();
        finishCommit.countDown();
        threads.shutdownNow();
    }

    @Test
    void aCommitWaitsForTheWriteApplyingAndHoldsBackNoNewWriteWhileItWaits() {
        applyingUntilFinished(() -> "first applied");
        Thread commit = commitWhenItWaits();

        CompletableFuture<String> laterWrite =
                CompletableFuture.supplyAsync(() -> gate.applying(() -> "applied"), threads);

        assertThat(laterWrite).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("applied");
        assertThat(commit.isAlive()).isTrue();
        assertThat(committed).isFalse();
        finishWrite.countDown();
        await("the commit ran").atMost(Duration.ofSeconds(10)).untilTrue(committed);
    }

    /** An upsert adds its document inside the update: the thread enters again while a commit waits. */
    @Test
    void aWriteEntersAgainFromInsideWhileACommitWaits() {
        CompletableFuture<String> outer = applyingUntilFinished(() -> gate.applying(() -> "inner applied"));
        commitWhenItWaits();

        finishWrite.countDown();

        assertThat(outer).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("inner applied");
        await("the commit ran").atMost(Duration.ofSeconds(10)).untilTrue(committed);
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

    /** Starts a write that applies until {@link #finishWrite}, then ends with {@code last}; returns once it applies. */
    private CompletableFuture<String> applyingUntilFinished(Supplier<String> last) {
        CountDownLatch writing = new CountDownLatch(1);
        CompletableFuture<String> write = CompletableFuture.supplyAsync(
                () -> gate.applying(() -> {
                    writing.countDown();
                    awaitQuietly(finishWrite);
                    return last.get();
                }),
                threads);
        awaitQuietly(writing);
        return write;
    }

    /** Starts a commit and returns once it waits for the writes applying. */
    private Thread commitWhenItWaits() {
        Thread commit = new Thread(() -> gate.between(() -> committed.set(true)), "commit");
        commit.start();
        await("the commit waits for the writes applying")
                .atMost(Duration.ofSeconds(10))
                .until(() -> commit.getState() == Thread.State.WAITING);
        return commit;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

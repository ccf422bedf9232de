package io.storeops.standalone;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets writes apply side by side and a commit run only between them. A commit waiting for the
 * writes under way holds back no new one: with a read-write lock, a waiting commit queued every
 * later write behind a write that itself waited for a collection a long scan held, so in the
 * 100,000-order soak every connection's writes stood still for as long as the slowest scan.
 * A commit still comes: each writer waits for its commit before it answers, so at most one more
 * write per connection starts while a commit waits. A thread may enter again while inside (an
 * upsert adds its document inside the update): a gate where a waiting commit held back new
 * entries would deadlock there.
 */
final class WriteGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int writesApplying;
    private boolean committing;

    <T> T applying(Supplier<T> write) {
        enter();
        try {
            return write.get();
        } finally {
            leave();
        }
    }

    void applying(Runnable write) {
        applying(() -> {
            write.run();
            return null;
        });
    }

    /** Runs {@code commit} once no write is applying, holding back new writes while it runs. */
    void between(Runnable commit) {
        lock.lock();
        try {
            while (writesApplying > 0) {
                changed.awaitUninterruptibly();
            }
            committing = true;
        } finally {
            lock.unlock();
        }
        try {
            commit.run();
        } finally {
            lock.lock();
            try {
                committing = false;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void enter() {
        lock.lock();
        try {
            while (committing) {
                changed.awaitUninterruptibly();
            }
            writesApplying++;
        } finally {
            lock.unlock();
        }
    }

    private void leave() {
        lock.lock();
        try {
            if (--writesApplying == 0) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}

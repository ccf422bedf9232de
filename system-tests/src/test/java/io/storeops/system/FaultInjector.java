package io.storeops.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * Breaks the split system while the load runs. Every few seconds it kills one service instance
 * with {@code kill -9} and starts it again: the services take turns in a shuffled order, the
 * instance is picked at random, and a service whose other instance is not back yet is passed over
 * (the route needs one up). Separately, once a quarter of the way through the load's planned time
 * it kills and restarts the broker, and once half way it freezes the store for a while. Each fault
 * is recorded with when it began and when the broken part was back (healthy, listening, resumed).
 */
final class FaultInjector implements AutoCloseable {

    /** One fault: {@code kind} is {@code kill}, {@code broker-restart} or {@code store-pause}. */
    record Fault(String kind, String target, double startedAt, double backAt) {}

    private final SplitSystem system;
    private final DoubleSupplier clock;
    private final Duration planned;
    private final Duration killEvery;
    private final Duration storePause;
    private final Random random;
    private final List<String> turns;
    private int turn;
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<CompletableFuture<Void>> recoveries = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads;
    private volatile boolean running = true;
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

    FaultInjector(
            SplitSystem system,
            DoubleSupplier clock,
            Duration planned,
            Duration killEvery,
            Duration storePause,
            long seed) {
        this.system = system;
        this.clock = clock;
        this.planned = planned;
        this.killEvery = killEvery;
        this.storePause = storePause;
        this.random = new Random(seed);
        List<String> services = new ArrayList<>(SplitSystem.SERVICES);
        Collections.shuffle(services, random);
        this.turns = List.copyOf(services);
        threads = List.of(
                new Thread(this::killInstances, "fault-kills"),
                new Thread(this::breakInfrastructure, "fault-infrastructure"));
        threads.forEach(Thread::start);
    }

    List<Fault> faults() {
        return List.copyOf(faults);
    }

    private void killInstances() {
        try {
            while (running) {
                Thread.sleep((long) (killEvery.toMillis() * (0.5 + random.nextDouble())));
                if (running) {
                    killOne();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException broken) {
            failures.add(broken);
        }
    }

    private void breakInfrastructure() {
        try {
            long start = System.nanoTime();
            awaitElapsed(start, planned.toNanos() / 4);
            if (running) {
                restartBroker();
            }
            awaitElapsed(start, planned.toNanos() / 2);
            if (running) {
                pauseStore();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | java.io.IOException broken) {
            failures.add(broken);
        }
    }

    private void awaitElapsed(long start, long nanos) throws InterruptedException {
        while (running && System.nanoTime() - start < nanos) {
            Thread.sleep(100);
        }
    }

    private void killOne() throws InterruptedException {
        for (int tried = 0; tried < turns.size(); tried++) {
            List<SystemProcess> instances = system.instances(turns.get(turn++ % turns.size()));
            if (instances.stream().allMatch(system::healthy)) {
                SystemProcess victim = instances.get(random.nextInt(instances.size()));
                double at = clock.getAsDouble();
                system.killAndRestart(victim);
                recoveries.add(system.whenHealthy(victim)
                        .thenRun(() -> faults.add(new Fault("kill", victim.name(), at, clock.getAsDouble()))));
                return;
            }
        }
    }

    private void restartBroker() throws InterruptedException {
        double at = clock.getAsDouble();
        system.killAndRestart(system.broker());
        system.awaitListening(system.broker());
        faults.add(new Fault("broker-restart", "broker", at, clock.getAsDouble()));
    }

    private void pauseStore() throws InterruptedException, java.io.IOException {
        double at = clock.getAsDouble();
        system.store().pause();
        try {
            Thread.sleep(storePause.toMillis());
        } finally {
            system.store().resume();
        }
        faults.add(new Fault("store-pause", "store", at, clock.getAsDouble()));
    }

    /** Stops breaking things and waits until every killed instance is healthy again. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
        CompletableFuture.allOf(recoveries.toArray(CompletableFuture[]::new)).join();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the fault injector failed: " + failures, failures.get(0));
        }
    }
}

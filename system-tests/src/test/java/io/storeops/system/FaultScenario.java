package io.storeops.system;

import io.storeops.system.FaultInjector.Fault;
import io.storeops.system.PipelineSampler.Sample;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The whole system under faults, as Kafka's and Jepsen's system tests do it: generate, break,
 * then validate everything that was acknowledged. The standalone jar runs split into its parts
 * (store, broker, two instances of each service); {@link FaultLoad} sends {@code orders} paid orders
 * with duplicates, older states, cancellations and refunds while {@link FaultInjector} kills
 * instances, restarts the broker and pauses the store; after late redeliveries the run waits for
 * quiet (no consumer lag, no outbox entry, nothing left to pay) and {@link SystemAudit} checks the
 * services' data and the payments against the generator's record. The report gives the counts and
 * the rates before, during and after each fault.
 *
 * <p>{@code FaultInjectionIT} runs it small in the build; {@code system-tests/soak.sh N} runs it
 * with N orders and prints the report ({@link #main}).
 */
final class FaultScenario {

    record Settings(int orders, double perSecond, int inFlight, Duration killEvery, Duration storePause, long seed) {

        static Settings small() {
            return new Settings(1200, 10, 32, Duration.ofSeconds(8), Duration.ofSeconds(5), 42);
        }
    }

    /** What the run found: the audit's problems, the generator's unexpected answers, and the report. */
    record Result(List<String> problems, List<Fault> faults, String report) {}

    private static final Duration QUIET_PATIENCE = Duration.ofMinutes(5);
    /** Longer than a payout call may wait (4 s) and the retry after it (1 s). */
    private static final int QUIET_SECONDS = 6;

    private static final Duration ROUTE_PATIENCE = Duration.ofMinutes(3);
    /** When poison events are planted, as shares of the load's time: clear of the broker's restart at a quarter. */
    private static final List<Double> POISON_AT = List.of(0.1, 0.6, 0.9);

    private static final int WINDOW_SECONDS = 10;

    private FaultScenario() {}

    static Result run(Settings settings, PrintStream progress) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        try (PaymentRecorder payments = new PaymentRecorder(0.05, 0.02, 6_000);
                SplitSystem system = new SplitSystem(SplitSystem.newWorkDir("faults"), 2, gatewaySettings(payments))) {
            long startNanos = System.nanoTime();
            system.start();
            progress.printf(
                    "%d processes up in %.0f s (logs in %s)%n",
                    2 + system.serviceProcesses().size(), (System.nanoTime() - startNanos) / 1e9, system.workDir());
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .executor(Executors.newCachedThreadPool(FaultScenario::daemon))
                    .build();
            FaultLoad load = new FaultLoad(
                    run,
                    settings.orders(),
                    new Route(system.baseUris("order"), http, ROUTE_PATIENCE),
                    new Route(system.baseUris("refund"), http, ROUTE_PATIENCE),
                    system::token,
                    settings.seed());
            try (PipelineSampler sampler = new PipelineSampler(system.bootstrapServers(), load::acknowledged);
                    PoisonEvents poison = new PoisonEvents(system.bootstrapServers(), run)) {
                double loadStart = sampler.now();
                Duration loadTime = Duration.ofMillis((long) (settings.orders() * 1000 / settings.perSecond()));
                ScheduledExecutorService planter = Executors.newSingleThreadScheduledExecutor(FaultScenario::daemon);
                List<ScheduledFuture<?>> plantings = POISON_AT.stream()
                        .<ScheduledFuture<?>>map(share -> planter.schedule(
                                () -> {
                                    poison.plant();
                                    return null;
                                },
                                (long) (loadTime.toMillis() * share),
                                TimeUnit.MILLISECONDS))
                        .toList();
                FaultInjector injector = new FaultInjector(
                        system, sampler::now, loadTime, settings.killEvery(), settings.storePause(), settings.seed());
                try {
                    load.send(settings.perSecond(), settings.inFlight());
                } finally {
                    injector.close();
                }
                List<Fault> faults = injector.faults();
                List<String> problems = new ArrayList<>();
                for (ScheduledFuture<?> planting : plantings) {
                    try {
                        planting.get();
                    } catch (ExecutionException failed) {
                        problems.add("a poison event could not be planted: " + failed.getCause());
                    }
                }
                planter.shutdown();
                double loadEnd = sampler.now();
                progress.printf(
                        "%d orders answered in %.0f s; redelivering some late%n",
                        settings.orders(), loadEnd - loadStart);
                load.redeliverLate(Math.max(10, settings.orders() / 100));
                load.finishAfterSale();
                Double quiet = awaitQuiet(sampler, payments, system.mongoUri(), progress);
                double quietAt = quiet == null ? sampler.now() : quiet;
                printTimeline(sampler.samples(), progress);
                SystemAudit audit = SystemAudit.of(system.mongoUri(), load.orders(), payments.payments());
                problems.addAll(audit.problems());
                if (quiet == null) {
                    problems.add("the system did not go quiet within " + QUIET_PATIENCE);
                }
                if (load.unanswered() > 0) {
                    problems.add(load.unanswered() + " request(s) got no answer within " + ROUTE_PATIENCE);
                }
                long neverSent = load.orders().stream()
                        .filter(order -> order.paid == FaultLoad.Outcome.NOT_SENT)
                        .count();
                if (neverSent > 0) {
                    problems.add(neverSent + " order(s) were never sent: the generator failed to deliver them");
                }
                problems.addAll(load.unexpectedAnswers());
                Map<String, List<String>> deadLetterKeys = poison.deadLetters();
                problems.addAll(poison.problems(deadLetterKeys));
                long deadLetters =
                        deadLetterKeys.values().stream().mapToLong(List::size).sum();
                String report = report(
                        settings,
                        load,
                        payments,
                        audit,
                        faults,
                        sampler.samples(),
                        loadStart,
                        loadEnd,
                        quietAt,
                        poison.planted(),
                        deadLetters);
                return new Result(problems, faults, report);
            }
        }
    }

    /** Every fifth second: webhooks acknowledged and events consumed so far, and the consumer lag then. */
    private static void printTimeline(List<Sample> samples, PrintStream progress) {
        progress.println("    t (s)  acknowledged   consumed      lag");
        for (int i = 0; i < samples.size(); i += 5) {
            Sample sample = samples.get(i);
            progress.printf(
                    Locale.ROOT,
                    "%9.0f %13d %10d %8d%n",
                    sample.atSeconds(),
                    sample.acknowledged(),
                    sample.consumed(),
                    sample.lag());
        }
    }

    /** Threads that let a finished run's JVM exit at once, not after a pool has idled a minute. */
    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "fault-scenario");
        thread.setDaemon(true);
        return thread;
    }

    /** Refunds go to the payment recorder, as the marketplace's refund API of both stores. */
    private static String gatewaySettings(PaymentRecorder payments) {
        StringBuilder json = new StringBuilder("{");
        for (FaultLoad.Store store : FaultLoad.Store.values()) {
            String prefix = "\"storeops.stores." + store.id + ".payouts.";
            json.append(prefix).append("gateway\":\"marketplace\",");
            json.append(prefix)
                    .append("marketplace.base-url\":\"")
                    .append(payments.baseUrl())
                    .append("\",");
            json.append(prefix)
                    .append("marketplace.app-key\":\"")
                    .append(store.id)
                    .append("\",");
        }
        return json.append("\"storeops.payouts.retry-after\":\"PT1S\"}").toString();
    }

    /**
     * Until, for {@link #QUIET_SECONDS} in a row, every consumer group has read everything, no
     * payment was made, no refund case is still underway (a payment answered too late is retried
     * and confirmed seconds after the recorder took it) and no outbox entry is left (an instance
     * killed after writing one leaves it to the sweep once its lease has run out). Returns when
     * that was, on the sampler's clock, or {@code null} when the patience ran out first.
     */
    private static Double awaitQuiet(
            PipelineSampler sampler, PaymentRecorder payments, String mongoUri, PrintStream progress)
            throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_PATIENCE.toNanos();
        int quietInARow = 0;
        int paymentsBefore = -1;
        List<PipelineSampler.PartitionProgress> behind = List.of();
        long underway = -1;
        long outboxHolders = -1;
        for (int second = 1; System.nanoTime() < deadline && quietInARow < QUIET_SECONDS; second++) {
            Thread.sleep(1000);
            try {
                behind = sampler.partitionProgress().stream()
                        .filter(partition -> partition.lag() > 0)
                        .toList();
            } catch (Exception brokerAway) {
                behind = null;
            }
            int paymentsNow = payments.payments().size();
            boolean settled = behind != null && behind.isEmpty() && paymentsNow == paymentsBefore;
            paymentsBefore = paymentsNow;
            if (settled && (quietInARow == 0 || quietInARow == QUIET_SECONDS - 1)) {
                underway = SystemAudit.casesUnderway(mongoUri);
                outboxHolders = SystemAudit.outboxHolders(mongoUri);
                settled = underway == 0 && outboxHolders == 0;
            }
            quietInARow = settled ? quietInARow + 1 : 0;
            if (second % 15 == 0) {
                progress.printf(
                        "waiting for quiet: %d payments, %d refund cases underway, %d aggregates holding outbox"
                                + " entries; behind: %s%n",
                        paymentsNow, underway, outboxHolders, behind == null ? "(broker unreachable)" : behind);
            }
        }
        if (quietInARow < QUIET_SECONDS) {
            progress.printf(
                    "not quiet within %s (%d refund cases underway, %d aggregates holding outbox entries; behind: %s);"
                            + " auditing what there is%n",
                    QUIET_PATIENCE, underway, outboxHolders, behind);
            return null;
        }
        return sampler.now();
    }

    private static String report(
            Settings settings,
            FaultLoad load,
            PaymentRecorder payments,
            SystemAudit audit,
            List<Fault> faults,
            List<Sample> samples,
            double loadStart,
            double loadEnd,
            double quietAt,
            int poisonPlanted,
            long deadLetters) {
        StringBuilder out = new StringBuilder();
        FaultLoad.Tally tally = load.tally();
        out.append(String.format(
                Locale.ROOT,
                "Fault run: %d orders at %.0f/s (seed %d), two instances of each service%n",
                settings.orders(),
                settings.perSecond(),
                settings.seed()));
        out.append(String.format(
                Locale.ROOT,
                "Deliveries: %d paid, %d same event again, %d same event on both instances at once, "
                        + "%d same order new event, %d older state after newer, %d cancellations, %d refund requests, "
                        + "%d late redeliveries; %d retried on the other instance, %d webhooks answered after more than %d s%n",
                tally.paid(),
                tally.sameEventAgain(),
                tally.sameEventAtOnce(),
                tally.sameOrderNewEvent(),
                tally.olderStateAfterNewer(),
                tally.cancellations(),
                tally.refundRequests(),
                tally.lateRedeliveries(),
                tally.retries(),
                tally.slowWebhookAnswers(),
                Route.STOREFRONT_PATIENCE.toSeconds()));
        out.append(String.format(
                Locale.ROOT,
                "Indeterminate (no answer, or not the one expected): %d paid, %d cancellations, %d refunds%n",
                load.orders().stream()
                        .filter(order -> order.paid == FaultLoad.Outcome.INDETERMINATE)
                        .count(),
                load.orders().stream()
                        .filter(order -> order.cancelled == FaultLoad.Outcome.INDETERMINATE)
                        .count(),
                load.orders().stream()
                        .filter(order -> order.refund == FaultLoad.Outcome.INDETERMINATE)
                        .count()));
        out.append(String.format(
                Locale.ROOT,
                "Acknowledged %d orders in %.1f s (%.1f/s); quiet %.1f s after the last answer%n",
                load.acknowledged(),
                loadEnd - loadStart,
                load.acknowledged() / (loadEnd - loadStart),
                quietAt - loadEnd));
        out.append(String.format(
                Locale.ROOT,
                "Payments: %d made, %d repeats answered with the earlier refund, %d answered busy, %d answered too late%n",
                payments.payments().size(),
                payments.repeats(),
                payments.busyAnswers(),
                payments.lateAnswers()));
        out.append("Stored per store:\n");
        audit.counts()
                .byCollection()
                .forEach((collection, byStore) ->
                        out.append(String.format(Locale.ROOT, "  %-26s %s%n", collection, byStore)));
        out.append(String.format(
                Locale.ROOT,
                "Dead letters: %d, of %d poison events planted (each due on the dead-letter topics of %s)%n",
                deadLetters,
                poisonPlanted,
                String.join(", ", PoisonEvents.ORDER_KEEPING_GROUPS)));
        out.append(String.format(
                Locale.ROOT,
                "%-28s %10s %10s %10s %12s %12s %12s %10s %10s%n",
                "fault (window " + WINDOW_SECONDS + " s)",
                "in before",
                "in during",
                "in after",
                "events bef.",
                "events dur.",
                "events aft.",
                "back (s)",
                "lag ok (s)"));
        faults.stream()
                .sorted(Comparator.comparingDouble(Fault::startedAt))
                .forEach(fault -> out.append(faultLine(
                        String.format(Locale.ROOT, "%s %s @%.0f s", fault.kind(), fault.target(), fault.startedAt()),
                        List.of(fault),
                        samples)));
        Map<String, List<Fault>> byKind =
                faults.stream().collect(Collectors.groupingBy(Fault::kind, TreeMap::new, Collectors.toList()));
        byKind.forEach((kind, ofKind) -> out.append(
                faultLine((kind.equals("kill") ? "kill -9" : kind) + ", mean of " + ofKind.size(), ofKind, samples)));
        return out.toString();
    }

    /**
     * Rates before, during and after the faults (averaged over them), how long the part was away, and
     * how long from the fault until the lag, past the peak the fault caused, was back to where it
     * was before (its median in the window before; under steady load a few events are always in flight).
     */
    private static String faultLine(String name, List<Fault> faults, List<Sample> samples) {
        double[] sums = new double[6];
        double outage = 0;
        double recovery = 0;
        int recovered = 0;
        for (Fault fault : faults) {
            double end = Math.max(fault.backAt(), fault.startedAt() + 1);
            double[][] windows = {
                {fault.startedAt() - WINDOW_SECONDS, fault.startedAt()},
                {fault.startedAt(), end},
                {end, end + WINDOW_SECONDS}
            };
            for (int w = 0; w < 3; w++) {
                sums[w] += rate(samples, windows[w][0], windows[w][1], Sample::acknowledged);
                sums[3 + w] += rate(samples, windows[w][0], windows[w][1], Sample::consumed);
            }
            outage += fault.backAt() - fault.startedAt();
            double lagToRecover = baselineLag(samples, fault.startedAt());
            double peakAt = peakLagAt(samples, fault.startedAt(), end + WINDOW_SECONDS);
            Double back = firstAfter(samples, peakAt, sample -> sample.lag() >= 0 && sample.lag() <= lagToRecover);
            if (back != null) {
                recovery += back - fault.startedAt();
                recovered++;
            }
        }
        int n = faults.size();
        return String.format(
                Locale.ROOT,
                "%-28s %10.1f %10.1f %10.1f %12.1f %12.1f %12.1f %10.1f %10s%n",
                name,
                sums[0] / n,
                sums[1] / n,
                sums[2] / n,
                sums[3] / n,
                sums[4] / n,
                sums[5] / n,
                outage / n,
                recovered == 0 ? "never" : String.format(Locale.ROOT, "%.1f", recovery / recovered));
    }

    /** Per second, from the samples nearest the window's ends. */
    private static double rate(List<Sample> samples, double from, double to, ToLongFunction<Sample> counter) {
        Sample first = nearest(samples, from);
        Sample last = nearest(samples, to);
        if (first == null || last == null || last.atSeconds() <= first.atSeconds()) {
            return 0;
        }
        return (counter.applyAsLong(last) - counter.applyAsLong(first)) / (last.atSeconds() - first.atSeconds());
    }

    private static Sample nearest(List<Sample> samples, double at) {
        Sample best = null;
        for (Sample sample : samples) {
            if (best == null || Math.abs(sample.atSeconds() - at) < Math.abs(best.atSeconds() - at)) {
                best = sample;
            }
        }
        return best;
    }

    /** The lag in flight in steady running before the fault: the median of the window before it (0 when unknown). */
    private static double baselineLag(List<Sample> samples, double at) {
        List<Long> before = samples.stream()
                .filter(sample ->
                        sample.atSeconds() >= at - WINDOW_SECONDS && sample.atSeconds() < at && sample.lag() >= 0)
                .map(Sample::lag)
                .sorted()
                .toList();
        return before.isEmpty() ? 0 : before.get(before.size() / 2);
    }

    /** When the lag was highest between {@code from} and {@code to}: the fault's worst moment. */
    private static double peakLagAt(List<Sample> samples, double from, double to) {
        return samples.stream()
                .filter(sample -> sample.atSeconds() >= from && sample.atSeconds() <= to)
                .max(Comparator.comparingLong(Sample::lag))
                .map(Sample::atSeconds)
                .orElse(from);
    }

    private static Double firstAfter(List<Sample> samples, double after, Predicate<Sample> condition) {
        return samples.stream()
                .filter(sample -> sample.atSeconds() >= after && condition.test(sample))
                .map(Sample::atSeconds)
                .findFirst()
                .orElse(null);
    }

    /**
     * {@code system-tests/soak.sh N [orders per second] [seconds between kills]}: the run at N orders;
     * exits 1 if the audit found a problem.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("Usage: system-tests/soak.sh ORDERS [ORDERS_PER_SECOND] [SECONDS_BETWEEN_KILLS]");
            System.exit(2);
        }
        Settings small = Settings.small();
        Settings settings = new Settings(
                Integer.parseInt(args[0]),
                args.length > 1 ? Double.parseDouble(args[1]) : small.perSecond(),
                small.inFlight(),
                args.length > 2 ? Duration.ofSeconds(Long.parseLong(args[2])) : small.killEvery(),
                small.storePause(),
                System.nanoTime());
        Result result = run(settings, System.err);
        System.out.print(result.report());
        if (result.problems().isEmpty()) {
            System.out.println("Audit: every acknowledged order, shipment, fact, refund file and payment exact.");
        } else {
            System.out.println("Audit found " + result.problems().size() + " problem(s):");
            result.problems().stream().limit(50).forEach(problem -> System.out.println("  " + problem));
            System.exit(1);
        }
    }
}

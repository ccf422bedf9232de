package io.storeops.system;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.ConcurrentHistogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;

/**
 * How fast the whole pipeline runs on the standalone jar, and what each paid order costs the store.
 * The jar runs as its own process on free ports with a fresh data folder in a temporary directory,
 * deleted at the end. One run prints the broker's and the store's raw ceilings; after 20 s of
 * unreported load to warm the JIT, a saturation phase (closed loop: each connection sends its next
 * order once the last is answered) and then a fixed-rate phase (open loop: webhooks go out on schedule whatever the answers,
 * and an answer's time counts from when its webhook was due), each with webhook answer and end-to-end times and the store
 * commands per paid order; the standalone's memory; and how close the saturation rate comes to what
 * the store's write ceiling allows. A program, not a test: it asserts only that every accepted
 * order completes, and exits 1 if one does not.
 *
 * <p>Run: {@code bench/pipeline [--in-memory-store] [--seconds=60] [--rate=100] [--rate-seconds=30] [--connections=16]}.
 * Figures go to standard output, progress to standard error.
 */
public final class PipelineBenchmark {

    static final String USAGE = """
            Usage: bench/pipeline [--in-memory-store] [--seconds=60] [--rate=100] [--rate-seconds=30] [--connections=16]
              --in-memory-store  run the standalone with its store in memory instead of the durable H2 file
              --seconds=N        saturation phase: N seconds of closed-loop senders
              --rate=N           fixed-rate phase: N paid orders per second ...
              --rate-seconds=N   ... for N seconds
              --connections=N    saturation phase: N concurrent senders""";

    private static final Duration CEILING_RUN = Duration.ofSeconds(5);
    private static final String BROKER_CEILING_TOPIC = "bench.broker-ceiling";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    /** Accepted orders of which none has completed for this long are taken as never completing. */
    private static final Duration COMPLETION_STALL = Duration.ofSeconds(60);

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(15);
    /** The services count as done with a phase when their store writes stand still this long. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private static final int QUIET_ATTEMPTS = 30;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    /** Open-loop webhooks in flight at most; beyond it a send waits, and the wait counts in its answer time. */
    private static final int MAX_IN_FLIGHT = 256;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final String STORE = "tmall-flagship";
    /** Taken out of the system tests' native order: a buyer note would hold the order for review. */
    private static final String BUYER_NOTE = "\"buyerNote\":\"请发顺丰\",";

    private static final long STARTED = System.nanoTime();

    private final StandaloneSystem system;
    private final Settings settings;
    private final URI orderService;
    private final HttpClient webhooks = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Makes this run's order numbers unique in a store that may hold earlier runs' orders. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private PipelineBenchmark(StandaloneSystem system, Settings settings) {
        this.system = system;
        this.settings = settings;
        this.orderService = system.uri(system.orderPort(), "/");
    }

    record Settings(boolean inMemoryStore, int saturationSeconds, int rate, int rateSeconds, int connections) {

        static Settings parse(String[] args) {
            boolean inMemoryStore = false;
            int saturationSeconds = 60;
            int rate = 100;
            int rateSeconds = 30;
            int connections = 16;
            for (String arg : args) {
                String name = arg.split("=", 2)[0];
                switch (name) {
                    case "--in-memory-store" -> inMemoryStore = flag(arg);
                    case "--seconds" -> saturationSeconds = number(arg, 1, 3600);
                    case "--rate" -> rate = number(arg, 1, 2000);
                    case "--rate-seconds" -> rateSeconds = number(arg, 1, 3600);
                    case "--connections" -> connections = number(arg, 1, 256);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Settings(inMemoryStore, saturationSeconds, rate, rateSeconds, connections);
        }

        private static boolean flag(String arg) {
            if (arg.contains("=")) {
                throw new IllegalArgumentException(arg.split("=", 2)[0] + " takes no value");
            }
            return true;
        }

        private static int number(String arg, int min, int max) {
            String[] nameAndValue = arg.split("=", 2);
            int value;
            try {
                value = Integer.parseInt(nameAndValue.length == 2 ? nameAndValue[1] : "");
            } catch (NumberFormatException notANumber) {
                value = Integer.MIN_VALUE;
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        nameAndValue[0] + "=N takes a whole number from " + min + " to " + max);
            }
            return value;
        }

        String[] standaloneArguments() {
            return inMemoryStore ? new String[] {"--in-memory-store"} : new String[0];
        }
    }

    public static void main(String[] args) throws IOException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Path workDir = Files.createTempDirectory("storeops-bench-");
        StandaloneSystem system = new StandaloneSystem(workDir, settings.standaloneArguments());
        // Also on Ctrl-C: the standalone stops as it would on SIGTERM, and its data does not stay behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(system, workDir), "bench-cleanup"));
        boolean everyOrderCompleted = false;
        try {
            progress(
                    "starting the standalone jar (%s store) in %s",
                    settings.inMemoryStore() ? "in-memory" : "durable", workDir);
            system.start();
            everyOrderCompleted = new PipelineBenchmark(system, settings).run();
        } catch (Exception failure) {
            failure.printStackTrace();
        }
        if (!everyOrderCompleted) {
            printTail(system.log(), 40);
        }
        System.exit(everyOrderCompleted ? 0 : 1); // also ends the HTTP and Kafka client threads
    }

    private boolean run() throws Exception {
        figure(
                "setup",
                "standalone with the %s, pid %d; %d cores shared by the standalone and this benchmark",
                settings.inMemoryStore()
                        ? "store in memory (not kept)"
                        : "durable store (H2 file, committed before each answer)",
                system.pid(),
                Runtime.getRuntime().availableProcessors());
        brokerCeiling();
        double storeWritesPerSecond = storeWriteCeiling();
        warmUp();
        Phase saturation = saturationPhase();
        saturation.printFigures();
        if (!saturation.everyOrderCompleted()) {
            return false;
        }
        Phase fixedRate = fixedRatePhase();
        printMemory();
        printSummary(storeWritesPerSecond, saturation);
        return fixedRate.everyOrderCompleted();
    }

    /** A plain idempotent producer (acks=all, linger.ms=5) sending 1 KB records as fast as the broker takes them. */
    private void brokerCeiling() throws Exception {
        progress("broker ceiling: KafkaProducer, 1 KB records for %d s", CEILING_RUN.toSeconds());
        Map<String, Object> connection =
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        try (Admin admin = Admin.create(connection)) {
            admin.createTopics(List.of(new NewTopic(BROKER_CEILING_TOPIC, 3, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> producerConfig = new HashMap<>(connection);
        producerConfig.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
        byte[] value = new byte[1024];
        ThreadLocalRandom.current().nextBytes(value);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(BROKER_CEILING_TOPIC, value);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(record).get(30, TimeUnit.SECONDS); // metadata and producer id before the clock starts
            AtomicLong acknowledged = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long start = System.nanoTime();
            long end = start + CEILING_RUN.toNanos();
            while (System.nanoTime() < end) {
                producer.send(
                        record, (metadata, failure) -> (failure == null ? acknowledged : failed).incrementAndGet());
            }
            producer.flush();
            double seconds = secondsSince(start);
            figure(
                    "broker ceiling",
                    "%,.0f records/s  (KafkaProducer acks=all, idempotent, linger.ms=5, 1 KB records, %,d in %.1f s%s)",
                    acknowledged.get() / seconds,
                    acknowledged.get(),
                    seconds,
                    failed.get() == 0 ? "" : ", " + failed.get() + " FAILED");
        }
    }

    /** The MongoDB sync driver inserting 2 KB documents one at a time: each waits for the store's answer. */
    private double storeWriteCeiling() {
        progress("store write ceiling: one 2 KB insert at a time for %d s", CEILING_RUN.toSeconds());
        String payload = "x".repeat(2048);
        try (MongoClient client = MongoClients.create(system.mongoUri())) {
            MongoCollection<Document> documents = client.getDatabase("bench").getCollection("write_ceiling");
            documents.insertOne(
                    new Document("payload", payload)); // creates database and collection before the clock starts
            long inserts = 0;
            long start = System.nanoTime();
            long end = start + CEILING_RUN.toNanos();
            while (System.nanoTime() < end) {
                documents.insertOne(new Document("payload", payload));
                inserts++;
            }
            double seconds = secondsSince(start);
            double perSecond = inserts / seconds;
            figure(
                    "store write ceiling",
                    "%,.0f inserts/s  (MongoDB sync driver, database bench, one 2 KB document at a time, %,d in %.1f s)",
                    perSecond,
                    inserts,
                    seconds);
            client.getDatabase("bench")
                    .drop(); // the services' store carries nothing of the benchmark into the load phases
            return perSecond;
        }
    }

    /** Open loop: order i is due at start + i / rate, whatever became of the ones before. */
    private Phase fixedRatePhase() throws Exception {
        int orders = settings.rate() * settings.rateSeconds();
        progress("fixed-rate phase: %,d paid orders at %d/s for %d s", orders, settings.rate(), settings.rateSeconds());
        Phase phase = new Phase("fixed rate", "R");
        try (phase) {
            Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
            CountDownLatch answered = new CountDownLatch(orders);
            for (int i = 0; i < orders; i++) {
                long due = phase.startNanos + (long) (i * 1e9 / settings.rate());
                sleepUntil(due);
                inFlight.acquire();
                Phase.Order order = phase.nextOrder(due);
                webhooks.sendAsync(order.webhook(), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            phase.answered(order, response, failure);
                            inFlight.release();
                            answered.countDown();
                        });
            }
            if (!answered.await(
                    ANSWER_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) { // each request gives up after ANSWER_TIMEOUT
                throw new IllegalStateException(
                        "fixed-rate webhooks still unanswered after " + ANSWER_TIMEOUT.toSeconds() + " s");
            }
            phase.finish();
        }
        phase.printFigures();
        return phase;
    }

    /** Closed loop: each connection sends its next order as soon as the last one is answered. */
    private Phase saturationPhase() throws Exception {
        return closedLoop(new Phase("saturation", "S"), settings.saturationSeconds());
    }

    /** The same load for a while, not reported: a freshly started JVM is several times slower until the JIT has compiled it. */
    private void warmUp() throws Exception {
        closedLoop(new Phase("warm-up", "W"), (int) WARM_UP.toSeconds());
    }

    private Phase closedLoop(Phase phase, int seconds) throws Exception {
        progress("%s phase: %d connections for %d s", phase.name, settings.connections(), seconds);
        try (phase) {
            long deadline = phase.startNanos + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService senders = Executors.newFixedThreadPool(settings.connections());
            for (int connection = 0; connection < settings.connections(); connection++) {
                senders.execute(() -> {
                    while (System.nanoTime() < deadline) {
                        Phase.Order order = phase.nextOrder(System.nanoTime());
                        try {
                            phase.answered(
                                    order, webhooks.send(order.webhook(), HttpResponse.BodyHandlers.ofString()), null);
                        } catch (IOException failure) {
                            phase.answered(order, null, failure);
                        } catch (InterruptedException stopped) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            senders.shutdown();
            if (!senders.awaitTermination(seconds + ANSWER_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
                senders.shutdownNow();
                throw new IllegalStateException(phase.name + " senders did not finish");
            }
            phase.finish();
        }
        return phase;
    }

    /**
     * One load phase: its webhooks and their answers, its orders' completions, and the store commands
     * the services sent meanwhile (counted from just before the first webhook to when their writes
     * stand still after the last completion).
     */
    private final class Phase implements AutoCloseable {

        record Order(String id, HttpRequest webhook, long sentNanos) {}

        private final String name;
        private final String orderNumberTag;
        private final StoreCommands commandsBefore;
        private final OrderCompletions completions;
        private final ScheduledExecutorService progressTicker = Executors.newSingleThreadScheduledExecutor();
        private final ConcurrentHistogram answerMicros = new ConcurrentHistogram(3);
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final AtomicLong lastAnswerNanos = new AtomicLong();
        private volatile String firstRefusal;
        private final long startNanos;
        private StoreCommands commands;
        private int neverCompleted;

        Phase(String name, String orderNumberTag) {
            this.name = name;
            this.orderNumberTag = orderNumberTag;
            commandsBefore = StoreCommands.scrape(system);
            completions = new OrderCompletions(system.kafkaBootstrapServers(), system.mongoUri());
            progressTicker.scheduleAtFixedRate(
                    () -> progress(
                            "%s: %,d sent, %,d accepted, %,d refused, %,d completed, %,d on their way",
                            name,
                            sent.get(),
                            accepted.get(),
                            refused.get(),
                            completions.completed(),
                            completions.outstanding()),
                    PROGRESS_EVERY.toMillis(),
                    PROGRESS_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            startNanos = System.nanoTime();
        }

        /** The next order's signed {@code order.paid} webhook, expected to complete from {@code sentNanos} on. */
        Order nextOrder(long sentNanos) {
            String number = "B" + run + "-" + orderNumberTag + sent.getAndIncrement();
            String body = Storefronts.nativeOrder(number).replace(BUYER_NOTE, "");
            HttpRequest signed =
                    Storefronts.nativeOrderPaid(orderService, "bench-" + number, body, Storefronts.TMALL_SECRET);
            String orderId = STORE + ":" + number;
            completions.expect(orderId, sentNanos);
            return new Order(
                    orderId,
                    HttpRequest.newBuilder(signed, (header, value) -> true)
                            .timeout(ANSWER_TIMEOUT)
                            .build(),
                    sentNanos);
        }

        void answered(Order order, HttpResponse<String> response, Throwable failure) {
            long now = System.nanoTime();
            answerMicros.recordValue(TimeUnit.NANOSECONDS.toMicros(now - order.sentNanos()));
            lastAnswerNanos.accumulateAndGet(now, Math::max);
            if (failure == null
                    && response.statusCode() == 200
                    && response.body().contains("\"accepted\"")) {
                accepted.incrementAndGet();
                return;
            }
            refused.incrementAndGet();
            completions.forget(order.id());
            if (firstRefusal == null) {
                firstRefusal = failure != null ? failure.toString() : response.statusCode() + " " + response.body();
            }
        }

        /** Waits for the accepted orders to complete (or to stall), then for the services' writes to stand still. */
        void finish() throws InterruptedException {
            progress("%s: every webhook answered; waiting for the orders to complete", name);
            AtomicLong lastCount = new AtomicLong(-1);
            AtomicLong lastChange = new AtomicLong(System.nanoTime());
            try {
                await().atMost(DRAIN_LIMIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (completions.completed() != lastCount.get()) {
                        lastCount.set(completions.completed());
                        lastChange.set(System.nanoTime());
                    }
                    return completions.outstanding() == 0
                            || System.nanoTime() - lastChange.get() > COMPLETION_STALL.toNanos();
                });
            } catch (ConditionTimeoutException drainedTooLong) {
                progress("%s: orders still outstanding after %d min", name, DRAIN_LIMIT.toMinutes());
            }
            neverCompleted = completions.outstanding();
            commands = quietCommands().since(commandsBefore);
        }

        /** The counters once the services stop writing: events applied after completion (refund ledgers, timelines) are the order's cost too. */
        private StoreCommands quietCommands() {
            AtomicReference<StoreCommands> previous = new AtomicReference<>(StoreCommands.scrape(system));
            try {
                return await().atMost(QUIET.multipliedBy(QUIET_ATTEMPTS))
                        .pollDelay(QUIET)
                        .pollInterval(QUIET)
                        .until(
                                () -> {
                                    StoreCommands current = StoreCommands.scrape(system);
                                    return current.total().writes()
                                                    == previous.getAndSet(current)
                                                            .total()
                                                            .writes()
                                            ? current
                                            : null;
                                },
                                Objects::nonNull);
            } catch (ConditionTimeoutException stillWriting) {
                progress(
                        "%s: the services still write after %d s; counting the commands up to now",
                        name, QUIET.multipliedBy(QUIET_ATTEMPTS).toSeconds());
                return previous.get();
            }
        }

        boolean everyOrderCompleted() {
            return neverCompleted == 0;
        }

        double completionSeconds() {
            return completions.completed() == 0 ? 0 : (completions.lastCompletionNanos() - startNanos) / 1e9;
        }

        double completedPerSecond() {
            return completions.completed() == 0 ? 0 : completions.completed() / completionSeconds();
        }

        void printFigures() {
            figure(
                    name + ", orders",
                    "%,d sent, %,d accepted, %,d refused, %,d completed end to end",
                    sent.get(),
                    accepted.get(),
                    refused.get(),
                    completions.completed());
            if (firstRefusal != null) {
                figure(name + ", first refusal", "%s", firstRefusal);
            }
            if (neverCompleted > 0) {
                figure(
                        name + ", NEVER COMPLETED",
                        "%,d accepted orders (none completed for %d s)",
                        neverCompleted,
                        COMPLETION_STALL.toSeconds());
            }
            double intakeSeconds = (lastAnswerNanos.get() - startNanos) / 1e9;
            figure(
                    name + ", accepted at the intake",
                    "%,.1f orders/s  (%,d answered 200 in %.1f s, from the start to the last answer)",
                    accepted.get() / intakeSeconds,
                    accepted.get(),
                    intakeSeconds);
            figure(
                    name + ", completed end to end",
                    "%,.1f orders/s  (%,d in %.1f s, from the start to the last completion)",
                    completedPerSecond(),
                    completions.completed(),
                    completionSeconds());
            // An order can complete before another's answer has travelled back, hence at least 0.
            figure(
                    name + ", drain after the last answer",
                    "%.1f s  (until the last accepted order completed)",
                    Math.max(0, completions.lastCompletionNanos() - lastAnswerNanos.get()) / 1e9);
            figure(name + ", webhook answer", "%s", percentiles(answerMicros));
            figure(
                    name + ", end to end",
                    "%s  (until both the ShipmentCreated event and the sales fact exist; the fact is polled every %d ms)",
                    percentiles(completions.endToEndMicros()),
                    OrderCompletions.FACT_POLL_INTERVAL.toMillis());
            long completed = completions.completed();
            if (completed == 0) {
                return;
            }
            commands.byService()
                    .forEach((service, tally) -> figure(
                            name + ", store commands per order, " + service,
                            "%5.2f writes, %5.2f reads",
                            tally.writes() / completed,
                            tally.reads() / completed));
            StoreCommands.Tally total = commands.total();
            figure(
                    name + ", store commands per order, total",
                    "%5.2f writes, %5.2f reads  (writes: insert, update, delete, findAndModify;"
                            + " reads: find, aggregate, count, getMore; the services' drivers, not this benchmark's)",
                    total.writes() / completed,
                    total.reads() / completed);
        }

        @Override
        public void close() throws InterruptedException {
            progressTicker.shutdownNow();
            completions.close();
        }
    }

    private void printMemory() throws IOException {
        Path status = Path.of("/proc", String.valueOf(system.pid()), "status");
        if (!Files.isReadable(status)) {
            figure("standalone memory after the load", "not available (no %s)", status);
            return;
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : Files.readAllLines(status)) {
            String[] nameAndValue = line.split(":", 2);
            if (nameAndValue.length == 2) {
                fields.put(nameAndValue[0], nameAndValue[1].trim());
            }
        }
        figure(
                "standalone memory after the load",
                "VmRSS %s, VmHWM %s (the peak; the standalone runs with -Xmx1g)",
                megabytes(fields.get("VmRSS")),
                megabytes(fields.get("VmHWM")));
    }

    private static String megabytes(String kilobytes) {
        return kilobytes == null
                ? "?"
                : String.format(
                        "%,d MB", Long.parseLong(kilobytes.replace("kB", "").trim()) / 1024);
    }

    private static void printSummary(double storeWritesPerSecond, Phase saturation) {
        long completed = saturation.completions.completed();
        double writesPerOrder = completed == 0 ? 0 : saturation.commands.total().writes() / completed;
        if (writesPerOrder == 0) {
            figure(
                    "summary",
                    "no store writes counted (is mongodb_driver_commands_seconds_count still the metric's name?)");
            return;
        }
        double storeBound = storeWritesPerSecond / writesPerOrder;
        figure(
                "summary",
                "store-bound ceiling %,.0f inserts/s ÷ %.2f writes per order = %,.1f orders/s;"
                        + " saturation end to end %,.1f orders/s = %.0f%% of it",
                storeWritesPerSecond,
                writesPerOrder,
                storeBound,
                saturation.completedPerSecond(),
                100 * saturation.completedPerSecond() / storeBound);
    }

    private static String percentiles(AbstractHistogram micros) {
        if (micros.getTotalCount() == 0) {
            return "no values";
        }
        return String.format(
                "p50 %,.1f ms, p99 %,.1f ms, max %,.1f ms",
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }

    /** A result: one labelled line on standard output. */
    private static void figure(String label, String format, Object... args) {
        System.out.printf("%-60s %s%n", label + ":", String.format(format, args));
    }

    /** A sign of life on standard error, with the time since the benchmark started. */
    private static void progress(String format, Object... args) {
        System.err.printf("[%6.1f s] %s%n", secondsSince(STARTED), String.format(format, args));
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static void printTail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            System.err.println("--- last lines of the standalone's log (" + log + ", deleted on exit):");
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.err::println);
        } catch (IOException unreadable) {
            System.err.println("(the standalone's log could not be read: " + unreadable + ")");
        }
    }

    private static void stopAndDelete(StandaloneSystem system, Path workDir) {
        progress("stopping the standalone and deleting %s", workDir);
        try {
            system.close();
        } catch (Exception failure) {
            System.err.println("while stopping the standalone: " + failure);
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException failure) {
            System.err.println("could not delete " + workDir + ": " + failure);
        }
    }
}

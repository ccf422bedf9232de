package io.storeops.standalone;

import io.storeops.analytics.AnalyticsServiceApplication;
import io.storeops.console.ConsoleApplication;
import io.storeops.fulfillment.FulfillmentServiceApplication;
import io.storeops.listing.ListingServiceApplication;
import io.storeops.order.OrderServiceApplication;
import io.storeops.platform.security.StaffRole;
import io.storeops.refund.RefundServiceApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole StoreOps system in one process, for a laptop or a demo: a Kafka broker (KRaft), the
 * Mongo-wire store persisted under the data folder, the five services on their ports, dev tokens
 * and, with {@code --simulate[=orders per second]}, storefront traffic. Ctrl-C stops it cleanly;
 * the next start finds the same data, unless {@code --in-memory-store} kept the store in memory.
 *
 * <p>With {@code --only}, the same jar starts some of these parts, so that they can run in separate
 * processes over one data folder (a process per part, to kill and restart each alone): the parts
 * started elsewhere are reached at the addresses the shared environment gives.
 */
public final class StoreOpsStandalone {

    record Service(String name, Class<?> application, int port) {}

    private StoreOpsStandalone() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        // One logging setup for the whole process (logback.xml): five applications re-initialising it would duplicate
        // it.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Files.createDirectories(options.dataDir());
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping StoreOps...");
                            for (int i = running.size() - 1; i >= 0; i--) {
                                try {
                                    running.get(i).close();
                                } catch (Exception failure) {
                                    System.err.println("while stopping: " + failure);
                                }
                            }
                            stopped.countDown();
                        },
                        "storeops-stop"));

        try {
            startParts(options, running);
        } catch (Exception failure) {
            // Parts that did start (broker, store, other services) hold non-daemon threads: without an exit the process
            // would live on half-started; the shutdown hook stops what is running.
            Throwable cause = failure instanceof CompletionException completion ? completion.getCause() : failure;
            System.err.println("StoreOps could not start: " + cause.getMessage() + " (" + rootCause(cause) + ")");
            failure.printStackTrace();
            System.exit(1);
        }
        stopped.await();
    }

    private static void startParts(Options options, List<AutoCloseable> running) throws Exception {
        Path dataDir = options.dataDir();
        String mongoUri =
                options.starts(Part.STORE) ? startStore(options, running).uri() : options.mongoUri();
        String kafkaBootstrapServers = options.starts(Part.BROKER)
                ? startBroker(options, running).bootstrapServers()
                : options.kafkaBootstrapServers();
        // Also where no service runs, so that services started later on this data folder find the key.
        DevCredentials credentials = DevCredentials.load(dataDir);

        List<Service> services = Part.services().stream()
                .filter(options::starts)
                .map(part -> new Service(part.serviceName(), application(part), options.httpPort(part)))
                .toList();
        List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();
        // The services stop together (each waits for its consumers to leave their groups), before broker and store.
        running.add(() -> closeTogether(contexts));
        CompletableFuture.allOf(services.stream()
                        .map(service -> CompletableFuture.runAsync(
                                () -> contexts.add(startNamed(service, kafkaBootstrapServers, mongoUri, credentials))))
                        .toArray(CompletableFuture[]::new))
                .join();

        Map<String, String> tokens = Map.of();
        if (options.startsServiceOrConsole()) {
            List<String> stores = ConfiguredStores.read();
            tokens = credentials.issueTokens(dataDir, stores);
            if (options.starts(Part.CONSOLE)) {
                contexts.add(startConsole(options, tokens, stores));
            }
        }
        Banner.print(options, services, kafkaBootstrapServers, mongoUri, tokens);
        if (options.simulateRate() > 0) {
            StorefrontSimulator simulator = new StorefrontSimulator("http://127.0.0.1:" + options.httpPort(Part.ORDER));
            running.add(simulator);
            simulator.start(options.simulateRate());
            System.out.printf(
                    "Storefront simulator: %.1f paid orders per second, alternating both stores.%n",
                    options.simulateRate());
        }
    }

    private static EmbeddedDocumentStore startStore(Options options, List<AutoCloseable> running) throws Exception {
        EmbeddedDocumentStore store = EmbeddedDocumentStore.start(
                options.dataDir().resolve("mongo/storeops.mv"), options.mongoPort(), options.inMemoryStore());
        running.add(store);
        return store;
    }

    private static EmbeddedKafkaBroker startBroker(Options options, List<AutoCloseable> running) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                options.dataDir().resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort());
        running.add(broker);
        return broker;
    }

    private static Class<?> application(Part service) {
        return switch (service) {
            case ORDER -> OrderServiceApplication.class;
            case FULFILLMENT -> FulfillmentServiceApplication.class;
            case REFUND -> RefundServiceApplication.class;
            case ANALYTICS -> AnalyticsServiceApplication.class;
            case LISTING -> ListingServiceApplication.class;
            case STORE, BROKER, CONSOLE -> throw new IllegalArgumentException(service + " is not a service");
        };
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void closeTogether(List<ConfigurableApplicationContext> contexts) throws InterruptedException {
        List<Thread> closing = new ArrayList<>();
        for (ConfigurableApplicationContext context : contexts) {
            Thread thread = new Thread(context::close, "stop-" + context.getId());
            thread.start();
            closing.add(thread);
        }
        for (Thread thread : closing) {
            thread.join();
        }
    }

    private static ConfigurableApplicationContext startNamed(
            Service service, String kafkaBootstrapServers, String mongoUri, DevCredentials credentials) {
        try {
            return start(service, kafkaBootstrapServers, mongoUri, credentials);
        } catch (RuntimeException failure) {
            throw new IllegalStateException(service.name() + " did not start on port " + service.port(), failure);
        }
    }

    /**
     * The staff console, after this process's services (it signs people in with the dev tokens
     * issued for them), pointed at the services' ports, in this process or another.
     */
    private static ConfigurableApplicationContext startConsole(
            Options options, Map<String, String> tokens, List<String> stores) {
        List<String> arguments = new ArrayList<>();
        arguments.add("server.port=" + options.httpPort(Part.CONSOLE));
        arguments.add(StandaloneAutoConfigurationFilter.CONSOLE + "=true");
        arguments.add("spring.main.banner-mode=off");
        for (Part service : Part.services()) {
            arguments.add("storeops.console.services." + service.optionName() + "=http://127.0.0.1:"
                    + options.httpPort(service));
        }
        int person = 0;
        for (Map.Entry<String, String> role : tokens.entrySet()) {
            String identity = "storeops.console.dev-identities[" + person++ + "].";
            arguments.add(identity + "username=" + DevCredentials.username(StaffRole.valueOf(role.getKey())));
            arguments.add(identity + "role=" + role.getKey());
            arguments.add(identity + "stores=" + String.join(",", stores));
            arguments.add(identity + "token=" + role.getValue());
        }
        try {
            return new SpringApplicationBuilder(ConsoleApplication.class)
                    .registerShutdownHook(false)
                    .run(commandLine(arguments));
        } catch (RuntimeException failure) {
            throw new IllegalStateException(
                    "the console did not start on port " + options.httpPort(Part.CONSOLE), failure);
        }
    }

    static ConfigurableApplicationContext start(
            Service service, String kafkaBootstrapServers, String mongoUri, DevCredentials credentials) {
        List<String> arguments = new ArrayList<>(DemoStores.properties());
        arguments.add("server.port=" + service.port());
        arguments.add("spring.kafka.bootstrap-servers=" + kafkaBootstrapServers);
        arguments.add("spring.mongodb.uri=" + mongoUri);
        arguments.add("storeops.security.dev-token-secret=" + credentials.secretBase64());
        arguments.add("spring.main.banner-mode=off");
        // Five services and the broker share one machine here, and a consumer applies a poll's keys
        // concurrently anyway: a consumer thread per service halves the fetches without slowing intake.
        arguments.add(
                "spring.cloud.stream.bindings.storeopsEvents-in-0.consumer.concurrency=${STOREOPS_CONSUMER_CONCURRENCY:1}");
        return new SpringApplicationBuilder(service.application())
                .registerShutdownHook(false)
                .run(commandLine(arguments));
    }

    /** Settings ({@code name=value}) as the command-line arguments of an application, above its other sources. */
    static String[] commandLine(List<String> settings) {
        return settings.stream().map(setting -> "--" + setting).toArray(String[]::new);
    }
}

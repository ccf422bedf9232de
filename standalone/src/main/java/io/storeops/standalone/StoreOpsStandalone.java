package io.storeops.standalone;

import io.storeops.analytics.AnalyticsServiceApplication;
import io.storeops.console.ConsoleApplication;
import io.storeops.fulfillment.FulfillmentServiceApplication;
import io.storeops.listing.ListingServiceApplication;
import io.storeops.order.OrderServiceApplication;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.stores.StoreCatalog;
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
        Path dataDir = options.dataDir();
        Files.createDirectories(dataDir);
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
            startAll(options, dataDir, running);
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

    private static void startAll(Options options, Path dataDir, List<AutoCloseable> running) throws Exception {
        EmbeddedDocumentStore store = EmbeddedDocumentStore.start(
                dataDir.resolve("mongo/storeops.mv"), options.mongoPort(), options.inMemoryStore());
        running.add(store);
        EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort());
        running.add(broker);
        DevCredentials credentials = DevCredentials.load(dataDir);

        List<Service> services = List.of(
                new Service("order-service", OrderServiceApplication.class, options.orderPort()),
                new Service("fulfillment-service", FulfillmentServiceApplication.class, options.orderPort() + 1),
                new Service("refund-service", RefundServiceApplication.class, options.orderPort() + 2),
                new Service("analytics-service", AnalyticsServiceApplication.class, options.orderPort() + 3),
                new Service("listing-service", ListingServiceApplication.class, options.orderPort() + 4));
        List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();
        // The services stop together (each waits for its consumers to leave their groups), before broker and store.
        running.add(() -> closeTogether(contexts));
        CompletableFuture.allOf(services.stream()
                        .map(service -> CompletableFuture.runAsync(
                                () -> contexts.add(startNamed(service, broker, store, credentials))))
                        .toArray(CompletableFuture[]::new))
                .join();

        List<String> stores = configuredStores(contexts.get(0));
        Map<String, String> tokens = credentials.issueTokens(dataDir, stores);
        contexts.add(startConsole(options, services, tokens, stores));
        Banner.print(services, options.consolePort(), broker, store, dataDir, tokens);
        if (options.simulateRate() > 0) {
            StorefrontSimulator simulator = new StorefrontSimulator("http://127.0.0.1:" + options.orderPort());
            running.add(simulator);
            simulator.start(options.simulateRate());
            System.out.printf(
                    "Storefront simulator: %.1f paid orders per second, alternating both stores.%n",
                    options.simulateRate());
        }
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
            Service service, EmbeddedKafkaBroker broker, EmbeddedDocumentStore store, DevCredentials credentials) {
        try {
            return start(service, broker, store, credentials);
        } catch (RuntimeException failure) {
            throw new IllegalStateException(service.name() + " did not start on port " + service.port(), failure);
        }
    }

    /**
     * The staff console, after the services (it signs people in with the dev tokens issued for
     * them), pointed at the services' ports.
     */
    private static ConfigurableApplicationContext startConsole(
            Options options, List<Service> services, Map<String, String> tokens, List<String> stores) {
        List<String> arguments = new ArrayList<>();
        arguments.add("server.port=" + options.consolePort());
        arguments.add(StandaloneAutoConfigurationFilter.CONSOLE + "=true");
        arguments.add("spring.main.banner-mode=off");
        for (Service service : services) {
            arguments.add("storeops.console.services." + service.name().replace("-service", "") + "=http://127.0.0.1:"
                    + service.port());
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
                    .run(arguments.stream().map(argument -> "--" + argument).toArray(String[]::new));
        } catch (RuntimeException failure) {
            throw new IllegalStateException("the console did not start on port " + options.consolePort(), failure);
        }
    }

    /** Every store the services were configured with, the demo stores and any added by configuration: dev identities see them all. */
    static List<String> configuredStores(ConfigurableApplicationContext service) {
        return service.getBean(StoreCatalog.class).storeIds().stream().sorted().toList();
    }

    static ConfigurableApplicationContext start(
            Service service, EmbeddedKafkaBroker broker, EmbeddedDocumentStore store, DevCredentials credentials) {
        List<String> arguments = new ArrayList<>(DemoStores.properties());
        arguments.add("server.port=" + service.port());
        arguments.add("spring.kafka.bootstrap-servers=" + broker.bootstrapServers());
        arguments.add("spring.mongodb.uri=" + store.uri());
        arguments.add("storeops.security.dev-token-secret=" + credentials.secretBase64());
        arguments.add("spring.main.banner-mode=off");
        // Five services and the broker share one machine here, and a consumer applies a poll's keys
        // concurrently anyway: a consumer thread per service halves the fetches without slowing intake.
        arguments.add(
                "spring.cloud.stream.bindings.storeopsEvents-in-0.consumer.concurrency=${STOREOPS_CONSUMER_CONCURRENCY:1}");
        return new SpringApplicationBuilder(service.application())
                .registerShutdownHook(false)
                .run(arguments.stream().map(argument -> "--" + argument).toArray(String[]::new));
    }
}

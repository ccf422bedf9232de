package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsAreTheDocumentedPortsAndFolder() {
        Options options = Options.parse(new String[0], Map.of());

        assertThat(options.dataDir()).isEqualTo(Path.of("storeops-data"));
        assertThat(options.orderPort()).isEqualTo(8081);
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.kafkaControllerPort()).isEqualTo(19093);
        assertThat(options.mongoPort()).isEqualTo(37017);
        assertThat(options.consolePort()).isEqualTo(8080);
        assertThat(options.simulateRate()).isZero();
        assertThat(options.inMemoryStore())
                .as("the store is kept in the data folder unless asked")
                .isFalse();
        assertThat(options.parts()).containsExactly(Part.values());
        assertThat(options.startsEverything()).isTrue();
        assertThat(options.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(options.mongoUri()).isEqualTo("mongodb://127.0.0.1:37017");
    }

    @Test
    void inMemoryStoreIsAskedForWithItsFlag() {
        Options options = Options.parse(new String[] {"--in-memory-store", "--simulate=3"}, Map.of());

        assertThat(options.inMemoryStore()).isTrue();
        assertThat(options.simulateRate()).isEqualTo(3.0);
        assertThat(Options.USAGE).contains("--in-memory-store");
    }

    @Test
    void environmentAndSimulatorRateAreRead() {
        Options options = Options.parse(
                new String[] {"--simulate=2.5"},
                Map.of(
                        "STOREOPS_DATA_DIR",
                        "/tmp/x",
                        "STOREOPS_ORDER_PORT",
                        "9001",
                        "STOREOPS_KAFKA_PORT",
                        "29092",
                        "STOREOPS_MONGO_PORT",
                        "47017",
                        "STOREOPS_CONSOLE_PORT",
                        "9080"));

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.orderPort()).isEqualTo(9001);
        assertThat(options.kafkaControllerPort()).isEqualTo(29093);
        assertThat(options.mongoPort()).isEqualTo(47017);
        assertThat(options.consolePort()).isEqualTo(9080);
        assertThat(options.simulateRate()).isEqualTo(2.5);
        assertThat(Options.parse(new String[] {"--simulate"}, Map.of()).simulateRate())
                .isEqualTo(1.0);
    }

    @Test
    void unknownOptionsAndAbsurdRatesAreRefused() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--simulate=0"}, Map.of()))
                .hasMessageContaining("between 0 and 500");
        assertThatThrownBy(() -> Options.parse(new String[] {"--simulate=100000"}, Map.of()))
                .hasMessageContaining("between 0 and 500");
        assertThatThrownBy(() -> Options.parse(new String[] {"--turbo"}, Map.of()))
                .hasMessageContaining("unknown option --turbo");
        assertThat(Options.parse(new String[] {"--help"}, Map.of()).help()).isTrue();
    }

    @Test
    void theBrokerAndStoreElsewhereAreFoundWhereTheSharedEnvironmentPutsThem() {
        Options ports = Options.parse(
                new String[] {"--only=services"},
                Map.of("STOREOPS_KAFKA_PORT", "29092", "STOREOPS_MONGO_PORT", "47017"));
        Options addresses = Options.parse(
                new String[] {"--only=order"},
                Map.of(
                        "STOREOPS_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                        "STOREOPS_MONGO_URI", "mongodb://mongo:27017/?replicaSet=rs0",
                        "STOREOPS_KAFKA_PORT", "29092"));

        assertThat(ports.kafkaBootstrapServers()).isEqualTo("127.0.0.1:29092");
        assertThat(ports.mongoUri()).isEqualTo("mongodb://127.0.0.1:47017");
        assertThat(addresses.kafkaBootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(addresses.mongoUri()).isEqualTo("mongodb://mongo:27017/?replicaSet=rs0");
    }

    @Test
    void onlyStartsTheNamedPartsAndGroups() {
        assertThat(Options.parse(new String[] {"--only=infrastructure"}, Map.of())
                        .parts())
                .containsExactly(Part.STORE, Part.BROKER);
        assertThat(Options.parse(new String[] {"--only=services"}, Map.of()).parts())
                .containsExactly(Part.ORDER, Part.FULFILLMENT, Part.REFUND, Part.ANALYTICS, Part.LISTING, Part.CONSOLE);
        Options some = Options.parse(new String[] {"--only=console, refund,store"}, Map.of());

        assertThat(some.parts()).containsExactly(Part.STORE, Part.REFUND, Part.CONSOLE);
        assertThat(some.startsEverything()).isFalse();
        assertThat(some.startsServiceOrConsole()).isTrue();
        assertThat(Options.parse(new String[] {"--only=store,broker"}, Map.of()).startsServiceOrConsole())
                .isFalse();
        assertThat(Options.parse(new String[] {"--only=infrastructure,services"}, Map.of())
                        .startsEverything())
                .isTrue();
        assertThat(Options.USAGE)
                .contains("--only=", "--port=", "STOREOPS_KAFKA_BOOTSTRAP_SERVERS", "STOREOPS_MONGO_URI");
    }

    @Test
    void anUnknownPartIsRefusedNamingTheValidOnes() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--only=store,kafka"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown part 'kafka'")
                .hasMessageContaining(
                        "store, broker, order, fulfillment, refund, analytics, listing, console, and the groups"
                                + " infrastructure (store,broker) and services");
        assertThatThrownBy(() -> Options.parse(new String[] {"--only="}, Map.of()))
                .hasMessageContaining("unknown part ''");
    }

    @Test
    void portMovesTheOneServiceOrConsoleOfTheProcess() {
        Options order = Options.parse(new String[] {"--only=order", "--port=9181"}, Map.of());
        Options console = Options.parse(new String[] {"--port=9180", "--only=console"}, Map.of());

        assertThat(order.httpPort(Part.ORDER)).isEqualTo(9181);
        assertThat(order.httpPort(Part.FULFILLMENT)).isEqualTo(8082);
        assertThat(console.httpPort(Part.CONSOLE)).isEqualTo(9180);
        assertThat(console.httpPort(Part.ORDER))
                .as("where the console looks for the order service")
                .isEqualTo(8081);
        assertThat(Options.parse(new String[] {"--only=listing"}, Map.of("STOREOPS_ORDER_PORT", "9001"))
                        .httpPort(Part.LISTING))
                .isEqualTo(9005);
    }

    @Test
    void portIsRefusedUnlessOneServiceOrTheConsoleIsStarted() {
        for (String only : new String[] {"--only=order,refund", "--only=store", "--only=services"}) {
            assertThatThrownBy(() -> Options.parse(new String[] {only, "--port=9181"}, Map.of()))
                    .as(only)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--port sets the port of the one service or console");
        }
        assertThatThrownBy(() -> Options.parse(new String[] {"--port=9181"}, Map.of()))
                .hasMessageContaining("--port sets the port of the one service or console");
        assertThatThrownBy(() -> Options.parse(new String[] {"--only=order", "--port=70000"}, Map.of()))
                .hasMessageContaining("--port takes a port number from 1 to 65535, not '70000'");
        assertThatThrownBy(() -> Options.parse(new String[] {"--only=order", "--port=http"}, Map.of()))
                .hasMessageContaining("not 'http'");
    }

    @Test
    void simulateNeedsTheOrderServiceAndInMemoryStoreTheStore() {
        assertThat(Options.parse(new String[] {"--only=order", "--simulate"}, Map.of())
                        .simulateRate())
                .isEqualTo(1.0);
        assertThatThrownBy(() -> Options.parse(new String[] {"--only=infrastructure", "--simulate=2"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--simulate sends orders to the order service in this process");
        assertThat(Options.parse(new String[] {"--only=store", "--in-memory-store"}, Map.of())
                        .inMemoryStore())
                .isTrue();
        assertThatThrownBy(() -> Options.parse(new String[] {"--only=broker", "--in-memory-store"}, Map.of()))
                .hasMessageContaining("--in-memory-store applies to the store in this process");
    }
}

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
}

package io.storeops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer types first: ./standalone.sh --help answers at once, without a build or a JDK check. */
class StandaloneScriptTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void helpListsTheOptionsWithoutBuildingAnything(@TempDir Path copy) throws Exception {
        // Only the script and its usage text: with no Maven wrapper and no sources, any attempt to build fails.
        Files.copy(REPOSITORY.resolve("standalone.sh"), copy.resolve("standalone.sh"));
        Path usage = Path.of("standalone/src/main/resources/storeops-standalone-usage.txt");
        Files.createDirectories(copy.resolve(usage).getParent());
        Files.copy(REPOSITORY.resolve(usage), copy.resolve(usage));

        Process help = new ProcessBuilder("bash", copy.resolve("standalone.sh").toString(), "--help")
                .redirectErrorStream(true)
                .start();
        String printed = read(help);

        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).as(printed).isZero();
        assertThat(printed)
                .contains("--simulate", "--in-memory-store", "STOREOPS_KAFKA_PORT")
                .doesNotContain("Building");
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}

package io.storeops.standalone;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The launcher run as a process of its own with {@code --only=store}, as a split system starts it. */
final class StoreAlone {

    private StoreAlone() {}

    /** Starts the store on {@code port} with its data under {@code dataDir}; returns once it answers (or died). */
    static Process start(Path dataDir, Path log, int port, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"), StoreOpsStandalone.class.getName(), "--only=store"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STOREOPS_DATA_DIR", dataDir.toString());
        builder.environment().put("STOREOPS_MONGO_PORT", String.valueOf(port));
        Process store = builder.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !store.isAlive() || Files.readString(log).contains("StoreOps is running"));
        } catch (RuntimeException notReady) {
            store.destroyForcibly();
            throw notReady;
        }
        return store;
    }
}

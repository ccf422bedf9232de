package io.storeops.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One part of a split StoreOps system (the store, the broker, or one instance of a service) as
 * its own process of the standalone jar, which can be killed, paused and started again on the
 * same port and data folder. Its output goes to {@code <name>.log}, appended across restarts.
 */
final class SystemProcess {

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private volatile Process process;

    SystemProcess(
            String name,
            int port,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> environment,
            Path jar,
            Path workDir) {
        this.name = name;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.log = workDir.resolve(name + ".log");
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(jvmOptions);
        line.add("-jar");
        line.add(jar.toAbsolutePath().toString());
        line.addAll(arguments);
        this.command = List.copyOf(line);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start " + name, failure);
        }
    }

    boolean alive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** As {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    synchronized void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
        }
    }

    /** As Ctrl-C: the shutdown hook stops the part cleanly. */
    synchronized void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Freezes the process ({@code SIGSTOP}): its sockets stay open and answer nothing, as a stalled disk or VM would. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + name + " failed");
        }
    }

    /** The last {@code lines} of its log, for a failure's message. */
    String logTail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException unreadable) {
            return "(log unreadable: " + unreadable + ")";
        }
    }

    @Override
    public String toString() {
        return name + (alive() ? " (pid " + process.pid() + ", port " + port + ")" : " (down)");
    }
}

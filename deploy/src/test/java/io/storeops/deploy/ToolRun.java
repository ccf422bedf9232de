package io.storeops.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command-line tool that reads deployment files (kubectl, node, docker-compose, amtool,
 * promtool), with what it printed, standard error included, for the failure message.
 *
 * @param command  what ran
 * @param exitCode its exit status
 * @param output   standard output and standard error, interleaved as written
 */
record ToolRun(List<String> command, int exitCode, String output) {

    /** Longer than any of these tools takes on the repository's files; a hung tool fails the test instead of the build. */
    private static final long TIMEOUT_SECONDS = 120;

    /** What the tests show when a check fails: the command and everything it said. */
    @Override
    public String toString() {
        return "$ " + String.join(" ", command) + System.lineSeparator() + output;
    }

    /** Runs {@code command} in the module's folder with the build's environment. */
    static ToolRun run(List<String> command, String whereToGetIt) {
        return run(command, null, null, whereToGetIt);
    }

    /**
     * Runs {@code command} in the module's folder.
     *
     * @param environment  the whole environment of the tool (PATH included), or null for the build's own
     * @param input        what the tool reads on its standard input, or null for nothing
     * @param whereToGetIt said when the tool is not installed
     */
    static ToolRun run(List<String> command, Map<String, String> environment, String input, String whereToGetIt) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        Path stdin = null;
        Path stdout = null;
        try {
            // Files rather than pipes: the timeout below holds even for a tool that never closes its output.
            stdout = Files.createTempFile("storeops-deploy-", ".out");
            builder.redirectOutput(stdout.toFile());
            if (input != null) {
                stdin = Files.createTempFile("storeops-deploy-", ".in");
                Files.writeString(stdin, input, StandardCharsets.UTF_8);
                builder.redirectInput(stdin.toFile());
            } else {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process process;
            try {
                process = builder.start();
            } catch (IOException notInstalled) {
                throw new IllegalStateException(
                        command.get(0) + " is not installed (or not on the PATH): " + whereToGetIt, notInstalled);
            }
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8);
            if (!finished) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS
                        + " s; it said:" + System.lineSeparator() + output);
            }
            return new ToolRun(List.copyOf(command), process.exitValue(), output);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } finally {
            delete(stdin);
            delete(stdout);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}

package io.storeops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The six StoreOps applications as their own modules define them, read from their settings files, so
 * that what deploy/ says about them (ports, databases, topics, image tags) is checked against the
 * source rather than against a second copy in a test.
 */
final class StoreOpsApps {

    static final List<String> SERVICES =
            List.of("order-service", "fulfillment-service", "refund-service", "analytics-service", "listing-service");
    static final String CONSOLE = "console";
    static final List<String> APPS = List.of(
            "order-service", "fulfillment-service", "refund-service", "analytics-service", "listing-service", CONSOLE);

    /** {@code ${VARIABLE:default}} in a settings file: the default is what runs unless the deployment says otherwise. */
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:([^}]*)}");

    private StoreOpsApps() {}

    /** The app's own settings: {@code io/storeops/<module>/service.properties}, or the console's {@code console.properties}. */
    static Properties settings(String app) {
        String module = app.equals(CONSOLE) ? CONSOLE : app.substring(0, app.indexOf('-'));
        String file = app.equals(CONSOLE) ? "console.properties" : "service.properties";
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Path.of("..", app, "src", "main", "resources", "io", "storeops", module, file))) {
            settings.load(reader);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return settings;
    }

    /** The HTTP port the app listens on unless SERVER_PORT moves it. */
    static int port(String app) {
        return Integer.parseInt(defaulted(settings(app).getProperty("server.port")));
    }

    /** The service's MongoDB database unless its variable names another. */
    static String database(String service) {
        return defaulted(settings(service).getProperty("spring.mongodb.database"));
    }

    static List<String> consumedTopics(String service) {
        return Arrays.stream(settings(service)
                        .getProperty("storeops.messaging.consumes")
                        .split(","))
                .map(String::strip)
                .toList();
    }

    /** The version the build gives every module, and so every image's tag. */
    static String projectVersion() {
        try {
            String pom = Files.readString(Path.of("pom.xml"));
            Matcher parent = Pattern.compile("(?s)<parent>.*?<version>([^<]+)</version>.*?</parent>")
                    .matcher(pom);
            assertThat(parent.find())
                    .as("deploy/pom.xml names its parent's version")
                    .isTrue();
            return parent.group(1);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String defaulted(String value) {
        Matcher variable = DEFAULTED.matcher(value.strip());
        return variable.matches() ? variable.group(1) : value.strip();
    }
}

package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standalone runs every service and the console on one classpath, where Spring Boot reads the
 * files at its root in every application: one module's {@code application.properties} there would
 * rename and reconfigure all the others (every service joined the console's consumer group once, from
 * a stale build output). So each keeps its settings, messages and templates under its own package.
 */
class SharedClasspathTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application.properties",
                "application.yml",
                "application.yaml",
                "messages.properties",
                "templates",
                "static",
                "public"
            })
    void noModuleShipsFilesEveryApplicationWouldRead(String name) throws IOException {
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(name));

        assertThat(found).as("%s at the root of the shared classpath", name).isEmpty();
    }
}

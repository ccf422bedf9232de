package io.storeops.standalone;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * In the standalone every application shares one classpath, so the console would also configure
 * the services' MongoDB client, Kafka binder and platform, and the services the console's page
 * templates and identity-provider client. This leaves out of each context what belongs to the
 * other: for the console's context (marked by {@link #CONSOLE}) the services' infrastructure, for
 * the services' the console's.
 *
 * <p>All of them share one process, and so one logging context: each application's Logback
 * metrics would count every application's lines, and the applications, starting at once, would
 * add their listeners to it concurrently, which Logback does not allow for (seen in CI as a start
 * that failed with an ArrayIndexOutOfBoundsException). The standalone leaves them out; a service
 * run on its own has them.
 */
public class StandaloneAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    /** Set on the console's context only. */
    static final String CONSOLE = "storeops.standalone.console";

    private static final List<String> SERVICE_INFRASTRUCTURE = List.of(
            "io.storeops.platform.",
            "org.springframework.boot.mongodb.",
            "org.springframework.boot.data.",
            "org.springframework.boot.kafka.",
            "org.springframework.cloud.");

    private static final List<String> CONSOLE_ONLY =
            List.of("org.springframework.boot.thymeleaf.", "org.springframework.boot.security.oauth2.client.");

    /** Left out of every context of the one process. */
    private static final List<String> PER_PROCESS =
            List.of("org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.");

    private boolean console;

    @Override
    public void setEnvironment(Environment environment) {
        console = environment.getProperty(CONSOLE, Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] included = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            List<String> leftOut = console ? SERVICE_INFRASTRUCTURE : CONSOLE_ONLY;
            included[i] = candidate == null
                    || (leftOut.stream().noneMatch(candidate::startsWith)
                            && PER_PROCESS.stream().noneMatch(candidate::startsWith));
        }
        return included;
    }
}

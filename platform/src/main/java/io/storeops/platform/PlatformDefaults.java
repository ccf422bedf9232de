package io.storeops.platform;

import java.io.IOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults (binding, retry and DLQ, metrics exposure, problem details,
 * environment variable names) as the lowest-precedence property source, so a service's own
 * configuration and the environment always win.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "storeops-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("storeopsPlatformDefaults",
                    new ClassPathResource(RESOURCE, PlatformDefaults.class.getClassLoader())));
        } catch (IOException missing) {
            throw new IllegalStateException("platform defaults " + RESOURCE + " are missing from the classpath", missing);
        }
    }
}

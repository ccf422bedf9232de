package io.storeops.platform;

import java.io.IOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the lowest-precedence configuration of a StoreOps service, under everything an operator
 * sets (application.properties, environment, command line):
 * <ol>
 *   <li>the service's own settings, {@code service.properties} in its application class's package, so
 *       that the four services can share one classpath (standalone) without their files colliding;</li>
 *   <li>the platform's defaults (binding, retry and DLQ, metrics exposure, environment variable names).</li>
 * </ol>
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String DEFAULTS = "storeops-platform-defaults.properties";
    static final String SERVICE = "service.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        sources.addLast(load(
                "storeopsPlatformDefaults", new ClassPathResource(DEFAULTS, PlatformDefaults.class.getClassLoader())));
        for (Object source : application.getAllSources()) {
            if (source instanceof Class<?> type) {
                ClassPathResource service = new ClassPathResource(
                        type.getPackageName().replace('.', '/') + "/" + SERVICE, type.getClassLoader());
                if (service.exists()) {
                    sources.addBefore(
                            "storeopsPlatformDefaults", load("storeopsService:" + type.getSimpleName(), service));
                }
            }
        }
    }

    private static ResourcePropertySource load(String name, ClassPathResource resource) {
        try {
            return new ResourcePropertySource(name, resource);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + resource.getPath(), unreadable);
        }
    }
}

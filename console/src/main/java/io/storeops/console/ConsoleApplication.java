package io.storeops.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * The staff console: pages rendered on the server over the services' public APIs. Its settings,
 * templates and messages live under its own package, so that it can share the standalone's
 * classpath with the services without either picking up the other's.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:io/storeops/console/console.properties")
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}

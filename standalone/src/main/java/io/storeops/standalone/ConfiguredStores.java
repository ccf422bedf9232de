package io.storeops.standalone;

import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Every store the services are configured with, the demo stores and any added by configuration
 * (a config file, the environment, {@code SPRING_APPLICATION_JSON}): bound from the same sources a
 * service binds them from, but without starting one, since a process may run the console alone and
 * still sign its dev identities in to every store.
 */
final class ConfiguredStores {

    private ConfiguredStores() {}

    static List<String> read() {
        try (ConfigurableApplicationContext stores = new SpringApplicationBuilder(StoresOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(StoreOpsStandalone.commandLine(DemoStores.properties()))) {
            return new StoreCatalog(stores.getBean(StoreProperties.class))
                    .storeIds().stream().sorted().toList();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StoreProperties.class)
    static class StoresOnly {}
}

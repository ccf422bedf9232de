package io.storeops.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stand-in for order-service, fulfillment-service, refund-service, analytics-service and listing-service on one free port (their
 * routes do not overlap), shared by the console's tests: each test stubs the answers it relies on (real shapes,
 * from the services' APIs) and checks what the console sent.
 */
public final class StubServices implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final WireMockServer SERVER = start();

    public static WireMockServer server() {
        return SERVER;
    }

    @Override
    public void initialize(ConfigurableApplicationContext console) {
        TestPropertyValues.of(
                        "storeops.console.services.order=http://127.0.0.1:" + SERVER.port(),
                        "storeops.console.services.fulfillment=http://127.0.0.1:" + SERVER.port(),
                        "storeops.console.services.refund=http://127.0.0.1:" + SERVER.port(),
                        "storeops.console.services.analytics=http://127.0.0.1:" + SERVER.port(),
                        "storeops.console.services.listing=http://127.0.0.1:" + SERVER.port())
                .applyTo(console);
    }

    private static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stub-services-stop"));
        return server;
    }
}

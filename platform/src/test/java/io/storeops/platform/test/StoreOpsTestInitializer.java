package io.storeops.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a service under test at the embedded Mongo-wire store, the embedded broker and the test token key. */
public class StoreOpsTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.mongodb.uri=" + EmbeddedMongo.uri(),
                        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                        "storeops.security.dev-token-secret=" + TestTokens.secretBase64(),
                        "storeops.outbox.sweep-interval=5s",
                        "storeops.messaging.retry.max-interval=500ms",
                        "storeops.outbox.lease=3s",
                        "spring.cloud.stream.kafka.binder.consumer-properties.metadata.max.age.ms=1000",
                        "spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=6000",
                        "spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms=500")
                .applyTo(context);
    }
}

package io.storeops.platform.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service started whole on a random port against a real embedded KRaft broker and the
 * Mongo-wire store. Test classes with the same configuration share one context (and broker).
 * The client waits up to 30 s for an answer, since on a loaded 2-core machine a first request
 * (cold JIT, JWT setup) can take longer than the default 5 s; no test measures time with it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@EmbeddedKafka(partitions = 3)
@ContextConfiguration(initializers = StoreOpsTestInitializer.class)
public @interface ServiceTest {}

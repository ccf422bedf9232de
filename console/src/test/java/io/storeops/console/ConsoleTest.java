package io.storeops.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The console on a random port with six people of the demo department, talking to a stand-in for
 * the services ({@link StubServices}). One configuration, so every console test shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "storeops.console.dev-identities[0].username=dev-cs-aftersale",
            "storeops.console.dev-identities[0].role=CS_AFTERSALE",
            "storeops.console.dev-identities[0].stores=tmall-flagship,shopify-us",
            "storeops.console.dev-identities[0].token=secret-bearer-token",
            "storeops.console.dev-identities[1].username=dev-warehouse",
            "storeops.console.dev-identities[1].role=WAREHOUSE",
            "storeops.console.dev-identities[1].stores=tmall-flagship",
            "storeops.console.dev-identities[1].token=another-token",
            "storeops.console.dev-identities[2].username=dev-order-clerk",
            "storeops.console.dev-identities[2].role=ORDER_CLERK",
            "storeops.console.dev-identities[2].stores=tmall-flagship",
            "storeops.console.dev-identities[2].token=clerk-token",
            "storeops.console.dev-identities[3].username=dev-supervisor",
            "storeops.console.dev-identities[3].role=SUPERVISOR",
            "storeops.console.dev-identities[3].stores=tmall-flagship,shopify-us",
            "storeops.console.dev-identities[3].token=supervisor-token",
            "storeops.console.dev-identities[4].username=dev-promotion",
            "storeops.console.dev-identities[4].role=PROMOTION",
            "storeops.console.dev-identities[4].stores=tmall-flagship",
            "storeops.console.dev-identities[4].token=promotion-token",
            "storeops.console.dev-identities[5].username=dev-manager",
            "storeops.console.dev-identities[5].role=MANAGER",
            "storeops.console.dev-identities[5].stores=tmall-flagship",
            "storeops.console.dev-identities[5].token=manager-token"
        })
@ContextConfiguration(initializers = StubServices.class)
@AutoConfigureWebTestClient
public @interface ConsoleTest {}

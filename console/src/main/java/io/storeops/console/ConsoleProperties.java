package io.storeops.console;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are, and (in the standalone only) the people one may sign in as.
 *
 * @param services       each service's base URL by name: order, fulfillment, refund, analytics, listing
 * @param devIdentities  the standalone's dev identities with their bearer tokens; empty in production,
 *                       where people sign in with the company's identity provider
 */
@ConfigurationProperties("storeops.console")
public record ConsoleProperties(Map<String, URI> services, List<DevIdentity> devIdentities) {

    public ConsoleProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        devIdentities = devIdentities == null ? List.of() : List.copyOf(devIdentities);
    }

    /** A person of the standalone's demo department: who, in which role and stores, with which token. */
    public record DevIdentity(String username, String role, List<String> stores, String token) {

        public DevIdentity {
            stores = stores == null ? List.of() : List.copyOf(stores);
        }
    }
}

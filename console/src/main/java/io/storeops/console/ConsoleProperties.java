package io.storeops.console;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people one may sign in as, in the standalone only.
 *
 * @param devIdentities  the standalone's dev identities with their bearer tokens; empty in production,
 *                       where people sign in with the company's identity provider
 */
@ConfigurationProperties("storeops.console")
public record ConsoleProperties(List<DevIdentity> devIdentities) {

    public ConsoleProperties {
        devIdentities = devIdentities == null ? List.of() : List.copyOf(devIdentities);
    }

    /** A person of the standalone's demo department: who, in which role and stores, with which token. */
    public record DevIdentity(String username, String role, List<String> stores, String token) {

        public DevIdentity {
            stores = stores == null ? List.of() : List.copyOf(stores);
        }
    }
}

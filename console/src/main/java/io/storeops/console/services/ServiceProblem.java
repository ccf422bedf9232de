package io.storeops.console.services;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused a call with an RFC 9457 problem: the page explains it in the reader's language
 * from its type and properties, and falls back to the service's own detail.
 *
 * @param type       the problem type's last part, e.g. {@code order-state} for {@code urn:storeops:problem:order-state}
 * @param properties the problem's extension members, e.g. {@code currentStatus} and {@code action}
 */
public class ServiceProblem extends RuntimeException {

    private static final String TYPE_PREFIX = "urn:storeops:problem:";

    private final int status;
    private final String type;
    private final Map<String, Object> properties;

    public ServiceProblem(int status, String type, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : "unknown";
        this.properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

package io.storeops.standalone;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What one standalone process can start; {@code --only} names them in lower case ({@code order}). */
enum Part {
    STORE,
    BROKER,
    ORDER,
    FULFILLMENT,
    REFUND,
    ANALYTICS,
    LISTING,
    CONSOLE;

    private static final String INFRASTRUCTURE = "infrastructure";
    private static final String SERVICES = "services";

    String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isService() {
        return compareTo(ORDER) >= 0 && compareTo(LISTING) <= 0;
    }

    /** As the service's application names itself: {@code order-service}. */
    String serviceName() {
        return optionName() + "-service";
    }

    /** The services take consecutive ports from the order service's, in this order. */
    int portOffset() {
        return ordinal() - ORDER.ordinal();
    }

    static Set<Part> services() {
        return EnumSet.range(ORDER, LISTING);
    }

    /** The parts {@code store,order} or {@code infrastructure} name, in this enum's order. */
    static Set<Part> parseList(String list) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (String name : list.split(",", -1)) {
            parts.addAll(named(name.trim()));
        }
        return parts;
    }

    private static Set<Part> named(String name) {
        if (name.equals(INFRASTRUCTURE)) {
            return EnumSet.of(STORE, BROKER);
        }
        if (name.equals(SERVICES)) {
            return EnumSet.range(ORDER, CONSOLE);
        }
        return Arrays.stream(values())
                .filter(part -> part.optionName().equals(name))
                .findFirst()
                .map(EnumSet::of)
                .orElseThrow(() -> new IllegalArgumentException("unknown part '" + name + "' in --only; valid parts: "
                        + Arrays.stream(values()).map(Part::optionName).collect(Collectors.joining(", "))
                        + ", and the groups " + INFRASTRUCTURE + " (store,broker) and " + SERVICES
                        + " (the five services and the console)"));
    }
}

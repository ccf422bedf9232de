package io.storeops.platform.outbox;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a state field is stored: {@code state.<field>}, once the field is known to exist on the
 * state's record type (through records and their list elements). Only the aggregate store knows
 * the envelope's layout; services name fields as their state has them.
 */
final class StatePaths {

    private static final Map<String, String> CHECKED = new ConcurrentHashMap<>();

    private StatePaths() {}

    static String stored(Class<?> stateType, String field) {
        return CHECKED.computeIfAbsent(stateType.getName() + "#" + field, key -> {
            Type current = stateType;
            for (String part : field.split("\\.")) {
                if (isMap(current)) {
                    break; // a map's keys are data, not declared fields
                }
                Class<?> record = elementRecord(current)
                        .orElseThrow(() -> new IllegalArgumentException(stateType.getSimpleName() + " has no field '"
                                + field + "' (a plain value has no '" + part + "')"));
                current = Arrays.stream(record.getRecordComponents())
                        .filter(component -> component.getName().equals(part))
                        .findFirst()
                        .map(RecordComponent::getGenericType)
                        .orElseThrow(() -> new IllegalArgumentException(stateType.getSimpleName() + " has no field '"
                                + field + "' ('" + part + "' is not a component of " + record.getSimpleName() + ")"));
            }
            return AggregateStore.STATE + "." + field;
        });
    }

    private static boolean isMap(Type type) {
        Type raw = type instanceof ParameterizedType generic ? generic.getRawType() : type;
        return raw instanceof Class<?> plain && Map.class.isAssignableFrom(plain);
    }

    /** The record a path continues into: the type itself, or a collection's element type. */
    private static Optional<Class<?>> elementRecord(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isRecord() ? Optional.of(plain) : Optional.empty();
        }
        if (type instanceof ParameterizedType generic
                && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return elementRecord(generic.getActualTypeArguments()[0]);
        }
        return Optional.empty();
    }
}

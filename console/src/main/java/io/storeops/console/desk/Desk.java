package io.storeops.console.desk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the signed-in person may do and where, as the services' desk routes answer it: their
 * actions and their stores with the lengths of the queues they work. A tolerant reader: fields the
 * pages do not use are ignored, so a service may add to its answer without breaking the console.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Desk(
        String username, List<String> roles, List<String> actions, List<DeskStore> stores, Set<String> unreachable) {

    public Desk {
        roles = roles == null ? List.of() : roles;
        actions = actions == null ? List.of() : actions;
        stores = stores == null ? List.of() : stores;
        unreachable = unreachable == null ? Set.of() : unreachable;
    }

    /** As a service's desk route answers it. */
    @JsonCreator
    public Desk(
            @JsonProperty("username") String username,
            @JsonProperty("roles") List<String> roles,
            @JsonProperty("actions") List<String> actions,
            @JsonProperty("stores") List<DeskStore> stores) {
        this(username, roles, actions, stores, Set.of());
    }

    /** The part of a desk {@code service}, out of reach, would have added: nothing but its name. */
    static Desk unreachable(String service) {
        return new Desk(null, null, null, null, Set.of(service));
    }

    /** Whether {@code service}'s part of the desk is missing because it could not be reached. */
    public boolean lacks(String service) {
        return unreachable.contains(service);
    }

    public boolean may(String action) {
        return actions.contains(action);
    }

    public DeskStore store(String storeId) {
        return stores.stream()
                .filter(store -> store.storeId().equals(storeId))
                .findFirst()
                .orElse(null);
    }

    /**
     * The desk of two services together: the actions of both (their names do not overlap), the
     * stores of the first with the other's queues added, and the other's stores the first does not know.
     */
    Desk with(Desk other) {
        List<String> allActions = new ArrayList<>(actions);
        other.actions.stream().filter(action -> !allActions.contains(action)).forEach(allActions::add);
        List<DeskStore> allStores = new ArrayList<>();
        for (DeskStore store : stores) {
            DeskStore more = other.store(store.storeId());
            allStores.add(more == null ? store : store.withQueues(more.queues()));
        }
        other.stores.stream().filter(store -> store(store.storeId()) == null).forEach(allStores::add);
        Set<String> allUnreachable = new HashSet<>(unreachable);
        allUnreachable.addAll(other.unreachable);
        return new Desk(username, roles, allActions, allStores, Set.copyOf(allUnreachable));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeskStore(String storeId, String name, String currency, String zone, Map<String, Long> queues) {

        public DeskStore {
            queues = queues == null ? Map.of() : queues;
        }

        DeskStore withQueues(Map<String, Long> more) {
            Map<String, Long> all = new LinkedHashMap<>(queues);
            all.putAll(more);
            return new DeskStore(storeId, name, currency, zone, all);
        }
    }
}

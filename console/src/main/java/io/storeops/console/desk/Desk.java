package io.storeops.console.desk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the signed-in person may do and where, as the services' desk routes answer it: their
 * actions and their stores with the lengths of the queues they work. A tolerant reader: fields the
 * pages do not use are ignored, so a service may add to its answer without breaking the console.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Desk(String username, List<String> roles, List<String> actions, List<DeskStore> stores) {

    public Desk {
        roles = roles == null ? List.of() : roles;
        actions = actions == null ? List.of() : actions;
        stores = stores == null ? List.of() : stores;
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
        return new Desk(username, roles, allActions, allStores);
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

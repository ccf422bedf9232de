package io.storeops.platform.stores;

import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffAction;
import io.storeops.platform.security.StaffRole;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's desk route: who is asking, what they may do there, and their stores configured here,
 * in id order, each with how money and time are shown there and the lengths of the queues the
 * caller works. A console builds its menus, buttons and badges from it.
 */
public final class DeskStores {

    private DeskStores() {}

    @Schema(description = "Who is asking, what they may do in this service, and their stores' queues")
    public record Desk<A>(String username, Set<StaffRole> roles, List<A> actions, List<DeskStore> stores) {}

    /**
     * The caller's desk: the {@code actions} their roles allow and their stores; {@code queuesOf}
     * names a store's queues the caller works, given those actions, with how to count each.
     */
    public static <A extends Enum<A> & StaffAction> Mono<Desk<A>> of(
            Class<A> actions, StoreCatalog catalog, BiFunction<String, List<A>, Map<String, Mono<Long>>> queuesOf) {
        return StaffAccess.current().flatMap(staff -> {
            List<A> allowed = StaffAction.allowedFor(actions, staff.roles());
            return Flux.fromIterable(staff.stores())
                    .sort()
                    .concatMap(storeId -> Mono.justOrEmpty(catalog.find(storeId))
                            .flatMap(settings -> store(storeId, settings, queuesOf.apply(storeId, allowed))))
                    .collectList()
                    .map(stores -> new Desk<>(staff.username(), staff.roles(), allowed, stores));
        });
    }

    @Schema(description = "One store of the caller's, with how money and time are shown there and its queues")
    public record DeskStore(
            String storeId,
            String name,

            @Schema(example = "CNY") String currency,

            @Schema(example = "Asia/Shanghai") String zone,

            @Schema(description = "Queue lengths by name, only of the queues the caller works")
            Map<String, Long> queues) {}

    private static Mono<DeskStore> store(
            String storeId, StoreProperties.Store settings, Map<String, Mono<Long>> queues) {
        return Flux.fromIterable(queues.entrySet())
                .concatMap(queue -> queue.getValue().map(length -> Map.entry(queue.getKey(), length)))
                .collect(
                        LinkedHashMap<String, Long>::new,
                        (lengths, queue) -> lengths.put(queue.getKey(), queue.getValue()))
                .map(lengths -> new DeskStore(
                        storeId,
                        settings.name(),
                        settings.currency(),
                        settings.zone().getId(),
                        lengths));
    }
}

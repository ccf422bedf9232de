package io.storeops.console.desk;

import io.storeops.console.services.ServiceProblem;
import io.storeops.console.services.Services;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * The signed-in person's desk across the services: order-service's order desk,
 * fulfillment-service's warehouse desk and the after-sale desk (by the person's roles, see
 * {@link AfterSaleDesk}) as one menu. When the warehouse desk is out of reach (the
 * service down, failing, or without the route), the order desk still works: its pages show without
 * the warehouse's entries (and a warehouse page answers 503). A refused token is not out of reach:
 * the person signs in again.
 */
@Component
public class Desks {

    private static final Logger log = LoggerFactory.getLogger(Desks.class);

    /** How long a page waits for the warehouse desk before it shows without it. */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private final Services services;

    Desks(Services services) {
        this.services = services;
    }

    public Mono<Desk> current() {
        return Mono.zip(desk("order", "/api/order-desk"), warehouseDesk())
                .map(both -> both.getT1().with(both.getT2()))
                .map(desk -> desk.with(AfterSaleDesk.of(desk)));
    }

    private Mono<Desk> warehouseDesk() {
        return desk("fulfillment", "/api/warehouse-desk")
                .timeout(PATIENCE)
                .onErrorResume(
                        failure -> failure instanceof WebClientRequestException
                                || failure instanceof TimeoutException
                                || (failure instanceof ServiceProblem problem
                                        && (problem.status() >= 500 || problem.status() == 404)),
                        unavailable -> {
                            log.warn(
                                    "The warehouse desk is unavailable; pages show without it: {}",
                                    unavailable.toString());
                            return Mono.just(Desk.unreachable("fulfillment"));
                        });
    }

    private Mono<Desk> desk(String service, String path) {
        return services.as(service)
                .flatMap(client -> client.get().uri(path).retrieve().bodyToMono(Desk.class));
    }
}

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
 * fulfillment-service's warehouse desk and refund-service's after-sale desk as one menu, each
 * service's actions and queue lengths as its own desk route answers them. When the warehouse desk
 * or the after-sale desk is out of reach (the service down, failing, or without the route), the
 * order desk still works: its pages show without that service's entries (and that service's pages
 * answer 503). A refused token is not out of reach: the person signs in again. The promotion
 * entries follow the person's roles ({@link AnalyticsDesk}).
 */
@Component
public class Desks {

    private static final Logger log = LoggerFactory.getLogger(Desks.class);

    /** How long a page waits for the warehouse desk or the after-sale desk before it shows without it. */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private final Services services;

    Desks(Services services) {
        this.services = services;
    }

    public Mono<Desk> current() {
        return Mono.zip(
                        desk("order", "/api/order-desk"),
                        optionalDesk("fulfillment", "/api/warehouse-desk"),
                        optionalDesk(AfterSaleDesk.SERVICE, AfterSaleDesk.ROUTE))
                .map(all -> AnalyticsDesk.added(all.getT1().with(all.getT2()).with(all.getT3())));
    }

    /** {@code service}'s desk, or (out of reach) the note that its part is missing. */
    private Mono<Desk> optionalDesk(String service, String path) {
        return desk(service, path)
                .timeout(PATIENCE)
                .onErrorResume(
                        failure -> failure instanceof WebClientRequestException
                                || failure instanceof TimeoutException
                                || (failure instanceof ServiceProblem problem
                                        && (problem.status() >= 500 || problem.status() == 404)),
                        unavailable -> {
                            log.warn(
                                    "The desk of {} is unavailable; pages show without it: {}",
                                    service,
                                    unavailable.toString());
                            return Mono.just(Desk.unreachable(service));
                        });
    }

    private Mono<Desk> desk(String service, String path) {
        return services.as(service)
                .flatMap(client -> client.get().uri(path).retrieve().bodyToMono(Desk.class));
    }
}

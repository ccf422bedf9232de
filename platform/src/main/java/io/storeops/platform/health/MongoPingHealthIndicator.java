package io.storeops.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Mongo health by {@code ping}, which real MongoDB and the embedded Mongo-wire store both answer
 * (Boot's own indicator sends {@code hello}, which the embedded store does not know).
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("Mongo health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(database -> mongo.executeCommand(new Document("ping", 1))
                        .map(answer -> builder.up()
                                .withDetail("database", database.getName())
                                .build()));
    }
}

package io.storeops.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.storeops.contracts.Topics;
import io.storeops.platform.clock.AdjustableClock;
import io.storeops.platform.clock.ClockController;
import io.storeops.platform.files.FileStore;
import io.storeops.platform.health.MongoPingHealthIndicator;
import io.storeops.platform.messaging.DeadLetterReplay;
import io.storeops.platform.messaging.DeadLetters;
import io.storeops.platform.messaging.EventConsumer;
import io.storeops.platform.messaging.EventDispatcher;
import io.storeops.platform.messaging.EventHandler;
import io.storeops.platform.messaging.EventHistory;
import io.storeops.platform.messaging.FailurePolicy;
import io.storeops.platform.metrics.KafkaClientMeters;
import io.storeops.platform.operations.OperationsController;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.OutboxRelay;
import io.storeops.platform.outbox.StateRows;
import io.storeops.platform.security.SecurityConfiguration;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.storeops.platform.trace.RecordedSpans;
import io.storeops.platform.trace.Spans;
import io.storeops.platform.web.ApiDocumentation;
import io.storeops.platform.web.ProblemResponses;
import io.storeops.platform.web.TraceparentWebFilter;
import io.storeops.platform.webhook.WebhookDeliveries;
import io.storeops.platform.webhook.WebhookIntake;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.messaging.Message;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Everything a StoreOps service shares: outbox store and relay, the event dispatcher with its
 * dead-letter naming, webhook intake, security, problem responses and trace propagation.
 * A service contributes domain code: aggregates, {@link EventHandler} beans and controllers.
 */
@AutoConfiguration
@EnableConfigurationProperties({StoreProperties.class, KafkaProperties.class})
@Import({
    SecurityConfiguration.class,
    ProblemResponses.class,
    ApiDocumentation.class,
    OperationsController.class,
    ClockController.class
})
public class StoreOpsPlatformAutoConfiguration {

    /**
     * UTC at the store's own precision: MongoDB keeps milliseconds, so a time the services make is
     * the same in the answer that made it and in every later read.
     */
    /** A clock an operator moves forward, for demos and acceptance runs only. */
    @Bean
    @ConditionalOnProperty(name = "storeops.clock.adjustable", havingValue = "true")
    AdjustableClock adjustableClock() {
        return new AdjustableClock(Clock.tickMillis(ZoneOffset.UTC));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Bean
    StoreCatalog storeCatalog(StoreProperties properties) {
        return new StoreCatalog(properties);
    }

    /**
     * The outbox's own producer: idempotent and acks=all, so an acknowledged event is durable and
     * never doubled by retries. Built from Boot's {@code spring.kafka.*} settings, so the operator's
     * SSL/SASL configuration applies to it; the delivery guarantees themselves are not negotiable.
     * A bean of its own so that the context closes it.
     */
    @Bean
    DefaultKafkaProducerFactory<String, byte[]> outboxProducerFactory(
            KafkaProperties kafka,
            KafkaConnectionDetails connection,
            MeterRegistry meters,
            @Value("${spring.application.name}") String service) {
        Map<String, Object> properties =
                KafkaClientSettings.durableProducer(kafka, connection, service + "-outbox", StringSerializer.class);
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        // A send waits at most this long for a topic's metadata, so a broker outage does not hold the relay a minute
        // per send.
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(properties);
        // The producer's own client metrics (kafka_producer_*: send rate, errors, retries, request latency)
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(
            DefaultKafkaProducerFactory<String, byte[]> outboxProducerFactory) {
        return new KafkaTemplate<>(outboxProducerFactory);
    }

    @Bean
    OutboxRelay outboxRelay(
            ReactiveMongoTemplate mongo,
            KafkaTemplate<String, byte[]> outboxKafkaTemplate,
            KafkaAdmin kafkaAdmin,
            Clock clock,
            MeterRegistry meters,
            @Value("${spring.application.name}") String service,
            @Value("${storeops.outbox.sweep-interval:60s}") Duration sweepInterval,
            @Value("${storeops.outbox.send-timeout:30s}") Duration sendTimeout,
            @Value("${storeops.outbox.lease:30s}") Duration lease,
            @Value("${storeops.outbox.batch-size:256}") int batchSize,
            @Value("${storeops.outbox.park-after-attempts:3}") int parkAfterAttempts) {
        return new OutboxRelay(
                mongo,
                outboxKafkaTemplate,
                topic -> topicMissing(kafkaAdmin, topic),
                clock,
                new OutboxRelay.Settings(
                        sweepInterval,
                        sendTimeout,
                        lease,
                        batchSize,
                        parkAfterAttempts,
                        Set.of(WebhookDeliveries.COLLECTION)),
                meters,
                service);
    }

    /** True only when the cluster answered that the topic does not exist; unreachable is not missing. */
    private static boolean topicMissing(KafkaAdmin admin, String topic) {
        try {
            admin.describeTopics(topic);
            return false;
        } catch (RuntimeException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnknownTopicOrPartitionException) {
                    return true;
                }
            }
            return false;
        }
    }

    @Bean
    AggregateStore aggregateStore(
            ReactiveMongoTemplate mongo,
            OutboxRelay relay,
            Clock clock,
            MeterRegistry meters,
            Spans spans,
            @Value("${spring.application.name}") String service) {
        return new AggregateStore(mongo, relay, service, clock, meters, spans);
    }

    @Bean
    StateRows stateRows(ReactiveMongoTemplate mongo) {
        return new StateRows(mongo);
    }

    @Bean
    FileStore fileStore(ReactiveGridFsTemplate gridFs) {
        return new FileStore(gridFs);
    }

    @Bean
    EventDispatcher eventDispatcher(
            List<EventHandler<?>> handlers,
            MeterRegistry meters,
            @Value("${spring.application.name}") String service,
            @Value("${storeops.messaging.handler-timeout:20s}") Duration handlerTimeout,
            Spans spans) {
        return new EventDispatcher(handlers, meters, service, handlerTimeout, spans);
    }

    @Bean
    DeadLetters deadLetters(
            KafkaTemplate<byte[], byte[]> deadLetterKafkaTemplate,
            MeterRegistry meters,
            @Value("${spring.application.name}") String service) {
        return new DeadLetters(deadLetterKafkaTemplate, meters, service);
    }

    /** The binding {@code storeopsEvents-in-0}: a poll at a time, keys applied concurrently, each failed attempt judged. */
    @Bean
    Consumer<Message<List<byte[]>>> storeopsEvents(
            EventDispatcher eventDispatcher,
            DeadLetters deadLetters,
            @Value("${storeops.messaging.event-attempts:3}") int eventAttempts,
            @Value("${storeops.messaging.concurrent-keys:8}") int concurrentKeys) {
        return new EventConsumer(eventDispatcher, deadLetters, eventAttempts, concurrentKeys);
    }

    /** Writes dead letters as they were consumed (bytes in, bytes out), with the operator's Kafka settings. */
    @Bean
    DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducerFactory(
            KafkaProperties kafka,
            KafkaConnectionDetails connection,
            @Value("${spring.application.name}") String service) {
        return new DefaultKafkaProducerFactory<>(KafkaClientSettings.durableProducer(
                kafka, connection, service + "-dead-letters", ByteArraySerializer.class));
    }

    @Bean
    KafkaTemplate<byte[], byte[]> deadLetterKafkaTemplate(
            DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducerFactory) {
        return new KafkaTemplate<>(deadLetterProducerFactory);
    }

    @Bean
    DeadLetterReplay deadLetterReplay(
            KafkaProperties kafka,
            KafkaConnectionDetails connection,
            @Value("${spring.application.name}") String service,
            @Value("${storeops.messaging.consumes}") List<String> consumedTopics,
            EventDispatcher eventDispatcher,
            KafkaTemplate<byte[], byte[]> deadLetterKafkaTemplate) {
        return new DeadLetterReplay(
                KafkaClientSettings.consumer(kafka, connection),
                service,
                consumedTopics,
                eventDispatcher,
                deadLetterKafkaTemplate);
    }

    /** The consumed topics read again from their beginning, for a service that rebuilds what it keeps from events. */
    @Bean
    EventHistory eventHistory(
            KafkaProperties kafka,
            KafkaConnectionDetails connection,
            @Value("${spring.application.name}") String service,
            @Value("${storeops.messaging.consumes}") List<String> consumedTopics,
            ObjectProvider<BindingsLifecycleController> bindings) {
        return new EventHistory(KafkaClientSettings.consumer(kafka, connection), service, consumedTopics, bindings);
    }

    /**
     * The service's dead-letter topics, created at start with one partition (dead letters are written
     * to partition 0), so that a cluster that does not create topics on first use still takes them.
     */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(
            @Value("${spring.application.name}") String service,
            @Value("${storeops.messaging.consumes}") List<String> consumedTopics,
            @Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(consumedTopics.stream()
                .map(topic -> TopicBuilder.name(Topics.deadLetter(topic, service))
                        .partitions(1)
                        .replicas(replicas)
                        // kept until replayed, however long the fix takes
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .build())
                .toArray(NewTopic[]::new));
    }

    /** Outages retried as long as they last by the listener container; see {@link EventConsumer} for the events' own failures. */
    @Bean
    FailurePolicy storeopsFailurePolicy(
            DeadLetters deadLetters, @Value("${storeops.messaging.retry.max-interval:10s}") Duration maxInterval) {
        return new FailurePolicy(deadLetters, maxInterval);
    }

    @Bean
    WebhookDeliveries webhookDeliveries(ReactiveMongoTemplate mongo, Clock clock, StoreProperties properties) {
        return new WebhookDeliveries(mongo, clock, properties.webhooks().dedupeWindow());
    }

    @Bean
    WebhookIntake webhookIntake(StoreCatalog stores, WebhookDeliveries deliveries, MeterRegistry meters, Clock clock) {
        return new WebhookIntake(stores, deliveries, meters, clock);
    }

    /** The embedded store has no TTL index: expired delivery records are purged on a timer. */
    @Bean(destroyMethod = "dispose")
    Disposable webhookDeliveryPurge(
            WebhookDeliveries deliveries, @Value("${storeops.webhooks.purge-interval:1h}") Duration interval) {
        return Flux.interval(interval, interval, Schedulers.boundedElastic())
                .concatMap(tick -> deliveries.purgeExpired().onErrorResume(failure -> Mono.just(0L)))
                .subscribe();
    }

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    KafkaClientMeters kafkaClientMeters() {
        return new KafkaClientMeters();
    }

    /** Recorded spans where Micrometer Tracing runs (exported when an OTLP endpoint is set), else made-up ids. */
    @Bean
    Spans spans(ObjectProvider<Tracer> tracer) {
        return Optional.ofNullable(tracer.getIfAvailable())
                .filter(available -> available != Tracer.NOOP)
                .<Spans>map(RecordedSpans::new)
                .orElseGet(Spans::generated);
    }

    @Bean
    TraceparentWebFilter traceparentWebFilter(Spans spans) {
        return new TraceparentWebFilter(spans);
    }
}

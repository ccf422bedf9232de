package io.storeops.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.EventType;
import io.storeops.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

/**
 * Tells when each order of one benchmark phase has gone through the whole pipeline: its shipment
 * exists (fulfillment-service's {@code ShipmentCreated} arrived on the broker, read here as it comes)
 * and its sales fact is stored (analytics-service's {@code order_facts} document, whose {@code _id}
 * is the order id). Facts are looked up every {@link #FACT_POLL_INTERVAL}, only for orders whose
 * shipment has arrived and in batches, so the lookups stay a small load beside the one measured; an
 * order's completion is therefore seen up to that interval late.
 */
final class OrderCompletions implements AutoCloseable {

    static final Duration FACT_POLL_INTERVAL = Duration.ofMillis(100);
    private static final int FACT_LOOKUP_BATCH = 500;

    /** Orders sent and not yet complete: order id to the {@link System#nanoTime()} of their sending. */
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

    private final Set<String> shippedAwaitingFact = ConcurrentHashMap.newKeySet();
    /** Written by the fact poller only, read once it has stopped. */
    private final Histogram endToEndMicros = new Histogram(3);

    private final AtomicLong completed = new AtomicLong();
    private volatile long lastCompletionNanos;
    private volatile boolean running = true;

    private final KafkaConsumer<String, byte[]> shipments;
    private final MongoClient mongo;
    private final MongoCollection<Document> salesFacts;
    private final Thread shipmentListener;
    private final ScheduledExecutorService factPoller =
            Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "bench-sales-facts"));

    /** Starts listening at the current end of the fulfillment topic: only shipments created from now on count. */
    OrderCompletions(String kafkaBootstrapServers, String mongoUri) {
        shipments = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions =
                shipments.partitionsFor(Topics.FULFILLMENT_EVENTS, Duration.ofSeconds(30)).stream()
                        .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                        .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException(
                    Topics.FULFILLMENT_EVENTS + " does not exist: the services create it when they start");
        }
        shipments.assign(partitions);
        shipments.seekToEnd(partitions);
        partitions.forEach(shipments::position); // resolves the lazy seek now, before any order is sent
        mongo = MongoClients.create(mongoUri);
        salesFacts = mongo.getDatabase("analytics").getCollection("order_facts");
        shipmentListener = new Thread(this::listenForShipments, "bench-shipments");
        shipmentListener.start();
        factPoller.scheduleWithFixedDelay(
                this::lookUpFacts, FACT_POLL_INTERVAL.toMillis(), FACT_POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called before the order's webhook goes out, so that even a very fast shipment is recognised. */
    void expect(String orderId, long sentNanos) {
        sentAt.put(orderId, sentNanos);
    }

    /** The order was not accepted, so nothing will come of it. */
    void forget(String orderId) {
        sentAt.remove(orderId);
    }

    long completed() {
        return completed.get();
    }

    /** Orders expected and not complete yet. */
    int outstanding() {
        return sentAt.size();
    }

    long lastCompletionNanos() {
        return lastCompletionNanos;
    }

    /** Time from sending to completion, in microseconds, of every completed order; read it after {@link #close()}. */
    Histogram endToEndMicros() {
        return endToEndMicros;
    }

    private void listenForShipments() {
        String shipmentCreated = EventType.SHIPMENT_CREATED.typeName();
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : shipments.poll(Duration.ofMillis(200))) {
                    Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (type != null
                            && shipmentCreated.equals(new String(type.value(), StandardCharsets.UTF_8))
                            && sentAt.containsKey(record.key())) {
                        shippedAwaitingFact.add(record.key());
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() wakes the consumer up to stop it
        } finally {
            shipments.close(Duration.ofSeconds(5));
        }
    }

    private void lookUpFacts() {
        List<String> waiting = new ArrayList<>(shippedAwaitingFact);
        for (int from = 0; from < waiting.size(); from += FACT_LOOKUP_BATCH) {
            List<String> batch = waiting.subList(from, Math.min(from + FACT_LOOKUP_BATCH, waiting.size()));
            List<Document> found = salesFacts
                    .find(Filters.in("_id", batch))
                    .projection(Projections.include("_id"))
                    .into(new ArrayList<>());
            long seen = System.nanoTime();
            for (Document fact : found) {
                complete(fact.getString("_id"), seen);
            }
        }
    }

    private void complete(String orderId, long nanos) {
        shippedAwaitingFact.remove(orderId);
        Long sent = sentAt.remove(orderId);
        if (sent != null) {
            endToEndMicros.recordValue(TimeUnit.NANOSECONDS.toMicros(nanos - sent));
            lastCompletionNanos = nanos;
            completed.incrementAndGet();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        shipments.wakeup();
        shipmentListener.join();
        factPoller.shutdown();
        factPoller.awaitTermination(30, TimeUnit.SECONDS);
        mongo.close();
    }
}

package io.storeops.platform;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.StringUtils;

/**
 * Settings for the Kafka clients the platform builds itself (the outbox and dead-letter producers,
 * the replay consumer): the operator's {@code spring.kafka.*} properties with Boot's connection
 * details applied the way Boot applies them to its own clients — servers, security protocol and an
 * SSL bundle. (The binder's consumers take the properties but not a bundle; the README says so.)
 */
final class KafkaClientSettings {

    private KafkaClientSettings() {}

    /** A producer whose acknowledged records are durable and never doubled by retries: no setting may weaken that. */
    static Map<String, Object> durableProducer(
            KafkaProperties kafka, KafkaConnectionDetails connection, String clientId, Class<?> keySerializer) {
        Map<String, Object> properties = connected(kafka.buildProducerProperties(), connection.getProducer());
        properties.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG,
                clientId,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                keySerializer,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
        return properties;
    }

    static Map<String, Object> consumer(KafkaProperties kafka, KafkaConnectionDetails connection) {
        return connected(kafka.buildConsumerProperties(), connection.getConsumer());
    }

    private static Map<String, Object> connected(
            Map<String, Object> properties, KafkaConnectionDetails.Configuration connection) {
        Map<String, Object> settings = new HashMap<>(properties);
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, connection.getBootstrapServers());
        if (StringUtils.hasLength(connection.getSecurityProtocol())) {
            settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, connection.getSecurityProtocol());
        }
        SslBundle bundle = connection.getSslBundle();
        if (bundle != null) {
            settings.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
            settings.put(SslBundle.class.getName(), bundle);
        }
        return settings;
    }
}

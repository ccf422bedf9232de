package io.storeops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

class KafkaClientSettingsTest {

    private static final SslBundle BUNDLE = SslBundle.of(SslStoreBundle.NONE);

    /** A cluster reached over SSL through a bundle, as {@code spring.kafka.ssl.bundle} or a connection-details bean configures it. */
    private static final KafkaConnectionDetails SECURED = new KafkaConnectionDetails() {
        @Override
        public List<String> getBootstrapServers() {
            return List.of("kafka.internal:9093");
        }

        @Override
        public SslBundle getSslBundle() {
            return BUNDLE;
        }

        @Override
        public String getSecurityProtocol() {
            return "SSL";
        }
    };

    @Test
    void theDurableProducerConnectsThroughTheClustersDetailsAndKeepsItsGuarantees() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProducer().setAcks("1");
        kafka.getProperties().put("client.dns.lookup", "use_all_dns_ips");

        Map<String, Object> settings =
                KafkaClientSettings.durableProducer(kafka, SECURED, "order-service-outbox", StringSerializer.class);

        assertThat(settings)
                .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, List.of("kafka.internal:9093"))
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL")
                .containsEntry(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class)
                .containsEntry(SslBundle.class.getName(), BUNDLE)
                .containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Test
    void theReplayConsumerConnectsThroughTheClustersDetailsToo() {
        assertThat(KafkaClientSettings.consumer(new KafkaProperties(), SECURED))
                .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, List.of("kafka.internal:9093"))
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL")
                .containsEntry(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
    }
}

package io.storeops.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventCatalogTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleValidatesAgainstItsSchema(EventType type) {
        assertThat(validate(type, sample(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordRoundTripsTheGoldenSampleUnchanged(EventType type) {
        JsonNode sample = sample(type);
        StoreOpsEvent event = EventJson.read(bytes(sample), type.payloadType());

        JsonNode written = EventJson.mapper().readTree(EventJson.write(event));

        assertThat(written).isEqualTo(sample);
        assertThat(EventType.of(event)).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void readersIgnoreFieldsAddedByNewerProducers(EventType type) {
        ObjectNode newer = (ObjectNode) sample(type).deepCopy();
        newer.put("fieldFromTheFuture", "ignored");
        newer.putObject("nestedFromTheFuture").put("x", 1);

        StoreOpsEvent fromNewer = EventJson.read(bytes(newer), type.payloadType());

        assertThat(fromNewer).isEqualTo(EventJson.read(bytes(sample(type)), type.payloadType()));
        assertThat(validate(type, newer))
                .as("schemas must allow additional fields")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsASampleWithoutItsFirstRequiredField(EventType type) {
        ObjectNode broken = (ObjectNode) sample(type).deepCopy();
        String firstRequired = schemaJson(type).get("required").get(0).asString();
        broken.remove(firstRequired);

        assertThat(validate(type, broken)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventIsKeyedByTheIdOfWhatItIsAbout(EventType type) {
        StoreOpsEvent event = EventJson.read(bytes(sample(type)), type.payloadType());
        if (event instanceof OrderScopedEvent orderEvent) {
            assertThat(orderEvent.subject()).isEqualTo(orderEvent.orderId()).isNotBlank();
        } else if (event instanceof ProductScopedEvent productEvent) {
            assertThat(productEvent.subject())
                    .isEqualTo(productEvent.productId())
                    .isNotBlank();
        } else {
            assertThat(event.subject()).isEqualTo(sample(type).get("batchId").asString());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachTypeIsGroupedWithItsProducer(EventType type) {
        assertThat(type.payloadType().getPackageName())
                .isEqualTo("io.storeops.contracts.events." + type.producer().folder());
        assertThat(type.schemaResource())
                .startsWith("storeops/schemas/" + type.producer().folder() + "/");
    }

    @Test
    void unknownTypesAndVersionsAreNotInTheCatalog() {
        assertThat(EventType.find("OrderPaid", 1)).contains(EventType.ORDER_PAID);
        assertThat(EventType.find("OrderPaid", 2)).isEmpty();
        assertThat(EventType.find("LoyaltyPointsGranted", 1)).isEmpty();
    }

    @Test
    void eachTopicCarriesOnlyItsProducersEvents() {
        assertThat(EventType.ORDER_PAID.topic()).isEqualTo(Topics.ORDER_EVENTS);
        assertThat(EventType.SHIPMENT_DISPATCHED.topic()).isEqualTo(Topics.FULFILLMENT_EVENTS);
        assertThat(EventType.REFUND_COMPLETED.topic()).isEqualTo(Topics.REFUND_EVENTS);
        assertThat(EventType.LISTING_PUBLISHED.topic()).isEqualTo(Topics.LISTING_EVENTS);
        assertThat(Topics.deadLetter(Topics.ORDER_EVENTS, "fulfillment-service"))
                .isEqualTo("storeops.order.events.fulfillment-service.dlq");
    }

    @Test
    void absentListsReadAsEmptySoNewListFieldsHaveADefault() {
        var paid = EventJson.read("""
                {"orderId":"o1","storeId":"s1","total":{"amountMinor":100,"currency":"USD"},"paidAt":"2026-11-28T00:00:00Z"}
                """.getBytes(), io.storeops.contracts.events.order.OrderPaid.class);

        assertThat(paid.lines()).isEmpty();
        assertThat(paid.holds()).isEmpty();
        assertThat(paid.attribution()).isEqualTo(Attribution.NONE);
    }

    @Test
    void moneyRefusesUnknownCurrenciesAndMixing() {
        assertThatThrownBy(() -> new Money(100, "XXY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(100, "USD").plus(new Money(1, "CNY")))
                .hasMessageContaining("currency mismatch");
        assertThat(new Money(12800, "CNY").times(2).plus(new Money(3900, "CNY")))
                .isEqualTo(new Money(29500, "CNY"));
    }

    private static List<Error> validate(EventType type, JsonNode json) {
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()));
        return schema.validate(json);
    }

    private static JsonNode schemaJson(EventType type) {
        return readResource(type.schemaResource());
    }

    private static JsonNode sample(EventType type) {
        return readResource(
                "samples/" + type.producer().folder() + "/" + type.typeName() + ".v" + type.version() + ".json");
    }

    private static JsonNode readResource(String path) {
        try (InputStream in = EventCatalogTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("resource " + path).isNotNull();
            return EventJson.mapper().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        return EventJson.mapper().writeValueAsBytes(json);
    }
}

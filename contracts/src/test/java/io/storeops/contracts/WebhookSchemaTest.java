package io.storeops.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The published schemas of the native storefront webhooks accept their samples and refuse bad bodies. */
class WebhookSchemaTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @ParameterizedTest
    @CsvSource({
        "storefront-order",
        "storefront-order-cancelled",
        "storefront-refund-requested",
        "storefront-refund-withdrawn",
        "storefront-refund-return-shipped",
        "storefront-review-created"
    })
    void theSampleValidates(String webhook) {
        assertThat(validate(webhook, sample(webhook))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no lines                  | lines             | []",
                "zero quantity             | lines             | [{\"quantity\":0,\"unitPriceMinor\":1}]",
                "fractional quantity       | lines             | [{\"quantity\":1.5,\"unitPriceMinor\":1}]",
                "fractional minor units    | totalMinor        | 29500.5",
                "negative total            | totalMinor        | -1",
                "lower-case currency       | currency          | \"cny\"",
                "operator as order number  | orderId           | {\"$gt\":\"\"}",
                "paid time that is no time | paidAt            | \"yesterday\"",
                "negative discount         | discountMinor     | -5",
                "tax flag as text          | taxesIncluded     | \"yes\"",
                "buyer as text             | buyer             | \"王芳\""
            })
    void aBadPaidOrderIsRefused(String why, String field, String value) {
        ObjectNode bad = (ObjectNode) sample("storefront-order").deepCopy();
        bad.set(field, EventJson.mapper().readTree(value));

        assertThat(validate("storefront-order", bad)).as(why).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no refund id           | refundId | \"\"",
                "unknown type           | type     | \"REFUND\"",
                "negative amount        | lines    | [{\"lineIndex\":0,\"amountMinor\":-1}]",
                "line without an amount | lines    | [{\"lineIndex\":0}]",
                "fractional minor units | lines    | [{\"lineIndex\":0,\"amountMinor\":1.5}]",
                "evidence as text       | evidence | \"photo\""
            })
    void aBadRefundRequestIsRefused(String why, String field, String value) {
        ObjectNode bad = (ObjectNode) sample("storefront-refund-requested").deepCopy();
        bad.set(field, EventJson.mapper().readTree(value));

        assertThat(validate("storefront-refund-requested", bad)).as(why).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no review id           | reviewId  | \"\"",
                "rating 0               | rating    | 0",
                "rating 6               | rating    | 6",
                "half a star            | rating    | 4.5",
                "rating as text         | rating    | \"bad\"",
                "images as text         | images    | \"https://img.example/1.jpg\"",
                "time that is no time   | createdAt | \"yesterday\""
            })
    void aBadReviewIsRefused(String why, String field, String value) {
        ObjectNode bad = (ObjectNode) sample("storefront-review-created").deepCopy();
        bad.set(field, EventJson.mapper().readTree(value));

        assertThat(validate("storefront-review-created", bad)).as(why).isNotEmpty();
    }

    @Test
    void requiredFieldsAreRequired() {
        ObjectNode noTotal = (ObjectNode) sample("storefront-order").deepCopy();
        noTotal.remove("totalMinor");
        ObjectNode noOrder = (ObjectNode) sample("storefront-order-cancelled").deepCopy();
        noOrder.remove("orderId");

        assertThat(validate("storefront-order", noTotal)).isNotEmpty();
        assertThat(validate("storefront-order-cancelled", noOrder)).isNotEmpty();
    }

    private static List<Error> validate(String webhook, JsonNode body) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:storeops/webhooks/" + webhook + ".v1.schema.json"))
                .validate(body);
    }

    private static JsonNode sample(String webhook) {
        try (InputStream in = WebhookSchemaTest.class
                .getClassLoader()
                .getResourceAsStream("samples/webhooks/" + webhook + ".v1.json")) {
            return EventJson.mapper().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.storeops.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    private static final byte[] BODY = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String TOPIC = "order.paid";
    private static final String EVENT = "evt-1";

    @Test
    void shopifySignatureIsBase64HmacOfTheRawBody() {
        // Reference value: printf '{"id":1}' | openssl dgst -sha256 -hmac secret -binary | base64
        String expected = "A971iWIMgT8Zj9A9eWfikrFj7wQ16/Qwcc4OlRl2PLc=";

        assertThatCode(() -> WebhookSignatures.verifyShopify(
                        BODY, WebhookSignatures.signShopify(BODY, "secret"), List.of("secret")))
                .doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignatures.verifyShopify(BODY, expected, List.of("secret")))
                .doesNotThrowAnyException();
    }

    @Test
    void shopifyRefusesATamperedBodyAnAbsentOrGarbledHeader() {
        String signature = WebhookSignatures.signShopify(BODY, "secret");

        assertRefused(
                () -> WebhookSignatures.verifyShopify("{\"id\":2}".getBytes(), signature, List.of("secret")),
                "invalid-signature");
        assertRefused(() -> WebhookSignatures.verifyShopify(BODY, null, List.of("secret")), "missing-signature");
        assertRefused(() -> WebhookSignatures.verifyShopify(BODY, "%%%", List.of("secret")), "invalid-signature");
        assertRefused(() -> WebhookSignatures.verifyShopify(BODY, signature, List.of()), "invalid-signature");
    }

    @Test
    void nativeSignatureV2IsHexHmacOverTimeTopicEventIdAndBody() {
        // Reference value: printf '1795845600.order.paid.evt-1.{"id":1}' | openssl dgst -sha256 -hmac secret -hex
        String expected = "t=1795845600,v2=7a8e40415375002162216b0b7e56c35d4f280a4e7cbdeaa4586f0d5a5b974edd";

        assertThat(WebhookSignatures.signNative(BODY, TOPIC, EVENT, "secret", NOW.getEpochSecond()))
                .isEqualTo(expected);
        assertThatCode(() -> verify(BODY, TOPIC, EVENT, expected, List.of("secret"), false))
                .doesNotThrowAnyException();
    }

    @Test
    void nativeSignatureAcceptsAnyListedSecretAndAnyOfSeveralV2() {
        long t = NOW.getEpochSecond();
        String byOld = WebhookSignatures.signNative(BODY, TOPIC, EVENT, "old", t);
        String both = byOld + ",v2="
                + WebhookSignatures.signNative(BODY, TOPIC, EVENT, "new", t).split("v2=")[1];

        assertThatCode(() -> verify(BODY, TOPIC, EVENT, byOld, List.of("new", "old"), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> verify(BODY, TOPIC, EVENT, both, List.of("new"), false))
                .doesNotThrowAnyException();
    }

    @Test
    void aSignatureDoesNotCarryOverToAnotherTopicOrEventId() {
        String signed = WebhookSignatures.signNative(BODY, "order.placed", EVENT, "s", NOW.getEpochSecond());

        assertRefused(() -> verify(BODY, "order.paid", EVENT, signed, List.of("s"), false), "invalid-signature");
        assertRefused(() -> verify(BODY, "order.placed", "evt-2", signed, List.of("s"), false), "invalid-signature");
    }

    @Test
    void theBodyOnlyV1SchemeIsAcceptedOnlyWhereASenderIsStillMigrating() {
        // printf '1795845600.{"id":1}' | openssl dgst -sha256 -hmac secret -hex
        String v1 = "t=1795845600,v1=5d7f0b6bf6bac0ef52d770120acdf1c88b454e1d53d03de7479b8c17f9e06dfb";

        assertRefused(() -> verify(BODY, TOPIC, EVENT, v1, List.of("secret"), false), "signature-scheme");
        assertThatCode(() -> verify(BODY, TOPIC, EVENT, v1, List.of("secret"), true))
                .doesNotThrowAnyException();
        assertRefused(() -> verify("{}".getBytes(), TOPIC, EVENT, v1, List.of("secret"), true), "invalid-signature");
    }

    @Test
    void nativeSignatureRefusesStaleFutureTamperedAndMalformed() {
        long t = NOW.getEpochSecond();

        assertRefused(() -> verify(BODY, TOPIC, EVENT, sign(t - 301), List.of("s"), false), "stale-webhook");
        assertRefused(() -> verify(BODY, TOPIC, EVENT, sign(t + 301), List.of("s"), false), "stale-webhook");
        assertRefused(() -> verify("{}".getBytes(), TOPIC, EVENT, sign(t), List.of("s"), false), "invalid-signature");
        assertRefused(() -> verify(BODY, TOPIC, EVENT, "t=" + t, List.of("s"), false), "invalid-signature");
        assertRefused(() -> verify(BODY, TOPIC, EVENT, "t=abc,v2=00", List.of("s"), false), "invalid-signature");
        assertRefused(
                () -> verify(BODY, TOPIC, EVENT, "t=99999999999999999,v2=00", List.of("s"), false),
                "invalid-signature");
        assertRefused(() -> verify(BODY, TOPIC, EVENT, "t=" + t + ",v2=zz", List.of("s"), false), "invalid-signature");
        assertRefused(() -> verify(BODY, TOPIC, EVENT, "", List.of("s"), false), "missing-signature");
    }

    private static String sign(long unixSeconds) {
        return WebhookSignatures.signNative(BODY, TOPIC, EVENT, "s", unixSeconds);
    }

    private static void verify(
            byte[] body, String topic, String eventId, String header, List<String> secrets, boolean acceptV1) {
        WebhookSignatures.verifyNative(body, topic, eventId, header, secrets, acceptV1, NOW, WINDOW);
    }

    @Test
    void shopifyTriggerTimeMustBeInsideTheWindow() {
        assertThatCode(() -> WebhookSignatures.verifyShopifyFreshness(
                        NOW.minusSeconds(299).toString(), NOW, WINDOW))
                .doesNotThrowAnyException();
        assertRefused(
                () -> WebhookSignatures.verifyShopifyFreshness(
                        NOW.minusSeconds(301).toString(), NOW, WINDOW),
                "stale-webhook");
        assertRefused(() -> WebhookSignatures.verifyShopifyFreshness("yesterday", NOW, WINDOW), "malformed-header");
        assertRefused(() -> WebhookSignatures.verifyShopifyFreshness(null, NOW, WINDOW), "missing-header");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String slug) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> org.assertj.core.api.Assertions.assertThat(problem.slug())
                                .isEqualTo(slug));
    }
}

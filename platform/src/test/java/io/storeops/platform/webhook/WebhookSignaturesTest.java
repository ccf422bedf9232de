package io.storeops.platform.webhook;

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

    @Test
    void shopifySignatureIsBase64HmacOfTheRawBody() {
        // Reference value: printf '{"id":1}' | openssl dgst -sha256 -hmac secret -binary | base64
        String expected = "A971iWIMgT8Zj9A9eWfikrFj7wQ16/Qwcc4OlRl2PLc=";

        assertThatCode(() -> WebhookSignatures.verifyShopify(BODY, WebhookSignatures.signShopify(BODY, "secret"), List.of("secret")))
                .doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignatures.verifyShopify(BODY, expected, List.of("secret"))).doesNotThrowAnyException();
    }

    @Test
    void shopifyRefusesATamperedBodyAnAbsentOrGarbledHeader() {
        String signature = WebhookSignatures.signShopify(BODY, "secret");

        assertRefused(() -> WebhookSignatures.verifyShopify("{\"id\":2}".getBytes(), signature, List.of("secret")), "invalid-signature");
        assertRefused(() -> WebhookSignatures.verifyShopify(BODY, null, List.of("secret")), "missing-signature");
        assertRefused(() -> WebhookSignatures.verifyShopify(BODY, "%%%", List.of("secret")), "invalid-signature");
        assertRefused(() -> WebhookSignatures.verifyShopify(BODY, signature, List.of()), "invalid-signature");
    }

    @Test
    void nativeSignatureAcceptsAnyListedSecretAndAnyOfSeveralV1() {
        long t = NOW.getEpochSecond();
        String byOld = WebhookSignatures.signNative(BODY, "old", t);
        String both = byOld + ",v1=" + WebhookSignatures.signNative(BODY, "new", t).split("v1=")[1];

        assertThatCode(() -> WebhookSignatures.verifyNative(BODY, byOld, List.of("new", "old"), NOW, WINDOW)).doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignatures.verifyNative(BODY, both, List.of("new"), NOW, WINDOW)).doesNotThrowAnyException();
    }

    @Test
    void nativeSignatureRefusesStaleFutureTamperedAndMalformed() {
        long t = NOW.getEpochSecond();

        assertRefused(() -> WebhookSignatures.verifyNative(BODY, WebhookSignatures.signNative(BODY, "s", t - 301), List.of("s"), NOW, WINDOW), "stale-webhook");
        assertRefused(() -> WebhookSignatures.verifyNative(BODY, WebhookSignatures.signNative(BODY, "s", t + 301), List.of("s"), NOW, WINDOW), "stale-webhook");
        assertRefused(() -> WebhookSignatures.verifyNative("{}".getBytes(), WebhookSignatures.signNative(BODY, "s", t), List.of("s"), NOW, WINDOW), "invalid-signature");
        assertRefused(() -> WebhookSignatures.verifyNative(BODY, "t=" + t, List.of("s"), NOW, WINDOW), "invalid-signature");
        assertRefused(() -> WebhookSignatures.verifyNative(BODY, "t=abc,v1=00", List.of("s"), NOW, WINDOW), "invalid-signature");
        assertRefused(() -> WebhookSignatures.verifyNative(BODY, "t=" + t + ",v1=zz", List.of("s"), NOW, WINDOW), "invalid-signature");
        assertRefused(() -> WebhookSignatures.verifyNative(BODY, "", List.of("s"), NOW, WINDOW), "missing-signature");
    }

    @Test
    void shopifyTriggerTimeMustBeInsideTheWindow() {
        assertThatCode(() -> WebhookSignatures.verifyShopifyFreshness(NOW.minusSeconds(299).toString(), NOW, WINDOW)).doesNotThrowAnyException();
        assertRefused(() -> WebhookSignatures.verifyShopifyFreshness(NOW.minusSeconds(301).toString(), NOW, WINDOW), "stale-webhook");
        assertRefused(() -> WebhookSignatures.verifyShopifyFreshness("yesterday", NOW, WINDOW), "malformed-header");
        assertRefused(() -> WebhookSignatures.verifyShopifyFreshness(null, NOW, WINDOW), "missing-header");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String slug) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                problem -> org.assertj.core.api.Assertions.assertThat(problem.slug()).isEqualTo(slug));
    }
}

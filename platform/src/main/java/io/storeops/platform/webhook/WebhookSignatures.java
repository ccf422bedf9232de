package io.storeops.platform.webhook;

import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two webhook signature schemes, always computed over the raw body before anything parses it,
 * and compared in constant time. Several secrets may be valid while one rotates.
 *
 * <ul>
 *   <li>Shopify: {@code X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(secret, body))}.</li>
 *   <li>Native (storefront, carriers), scheme {@code v2}: {@code X-StoreOps-Signature: t=<unix s>,v2=<hex HMAC-SHA256(secret,
 *       "<t>.<topic>.<event id>.<body>")>}, with possibly several {@code v2=}, and {@code t} within the tolerance of
 *       now. Topic and event id are signed too, so a captured delivery cannot be replayed under another topic or id.</li>
 *   <li>Native {@code v1}, over {@code "<t>.<body>"} only: accepted solely for a sender whose configuration still
 *       allows it while it migrates to {@code v2}; a {@code v1} signature never authenticates the headers.</li>
 * </ul>
 */
public final class WebhookSignatures {

    private WebhookSignatures() {}

    public static String signShopify(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(hmac(secret, body));
    }

    /** The {@code X-StoreOps-Signature} value a sender puts on a delivery (scheme {@code v2}). */
    public static String signNative(byte[] body, String topic, String eventId, String secret, long unixSeconds) {
        return "t=" + unixSeconds + ",v2="
                + HexFormat.of().formatHex(hmac(secret, signedV2(unixSeconds, topic, eventId, body)));
    }

    public static void verifyShopify(byte[] body, String header, Collection<String> secrets) {
        if (header == null || header.isBlank()) {
            throw missingSignature("X-Shopify-Hmac-Sha256");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException notBase64) {
            throw badSignature();
        }
        for (String secret : secrets) {
            if (MessageDigest.isEqual(hmac(secret, body), presented)) {
                return;
            }
        }
        throw badSignature();
    }

    /** Refuses a Shopify delivery whose {@code X-Shopify-Triggered-At} is outside the replay window. */
    public static void verifyShopifyFreshness(String triggeredAt, Instant now, Duration window) {
        if (triggeredAt == null || triggeredAt.isBlank()) {
            throw Problems.badRequest("missing-header", "X-Shopify-Triggered-At is required.");
        }
        Instant triggered;
        try {
            triggered = Instant.parse(triggeredAt.trim());
        } catch (DateTimeParseException malformed) {
            throw Problems.badRequest("malformed-header", "X-Shopify-Triggered-At is not an ISO-8601 instant.");
        }
        requireFresh(triggered, now, window);
    }

    /**
     * Verifies a native delivery: a {@code v2} signature over time, topic, event id and body, or,
     * only when {@code acceptV1} (a sender migrating), a {@code v1} signature over time and body.
     */
    public static void verifyNative(
            byte[] body,
            String topic,
            String eventId,
            String header,
            Collection<String> secrets,
            boolean acceptV1,
            Instant now,
            Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw missingSignature("X-StoreOps-Signature");
        }
        Instant signedAt = null;
        List<byte[]> v2 = new ArrayList<>();
        List<byte[]> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            try {
                switch (pair[0]) {
                    case "t" -> signedAt = Instant.ofEpochSecond(Long.parseLong(pair[1]));
                    case "v2" -> v2.add(HexFormat.of().parseHex(pair[1]));
                    case "v1" -> v1.add(HexFormat.of().parseHex(pair[1]));
                    default -> {} // schemes this version does not know are ignored, as senders add newer ones first
                }
            } catch (IllegalArgumentException | DateTimeException malformedPart) {
                throw badSignature();
            }
        }
        if (signedAt == null || v2.isEmpty() && v1.isEmpty()) {
            throw badSignature();
        }
        if (v2.isEmpty() && !acceptV1) {
            throw Problems.unauthorized(
                    "signature-scheme",
                    "Only v2 signatures (over time, topic, event id and body) are accepted from this sender.");
        }
        requireFresh(signedAt, now, tolerance);
        long timestamp = signedAt.getEpochSecond();
        if (matches(secrets, signedV2(timestamp, topic, eventId, body), v2)
                || acceptV1 && matches(secrets, concat(timestamp + ".", body), v1)) {
            return;
        }
        throw badSignature();
    }

    private static boolean matches(Collection<String> secrets, byte[] signed, List<byte[]> presented) {
        for (String secret : secrets) {
            byte[] expected = hmac(secret, signed);
            for (byte[] signature : presented) {
                if (MessageDigest.isEqual(expected, signature)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void requireFresh(Instant signedAt, Instant now, Duration tolerance) {
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw Problems.unauthorized(
                    "stale-webhook",
                    "The delivery was signed at " + signedAt + ", outside the " + tolerance.toSeconds()
                            + " s replay window.");
        }
    }

    private static byte[] signedV2(long unixSeconds, String topic, String eventId, byte[] body) {
        return concat(unixSeconds + "." + topic + "." + eventId + ".", body);
    }

    private static byte[] concat(String prefix, byte[] body) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[head.length + body.length];
        System.arraycopy(head, 0, signed, 0, head.length);
        System.arraycopy(body, 0, signed, head.length, body.length);
        return signed;
    }

    /** Hex SHA-256 of a body: how a redelivery is told from a different body under a reused event id. */
    public static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is unavailable", impossible);
        }
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is unavailable", impossible);
        }
    }

    private static ProblemException missingSignature(String header) {
        return Problems.unauthorized("missing-signature", header + " is required.");
    }

    private static ProblemException badSignature() {
        return Problems.unauthorized("invalid-signature", "The signature does not match the body.");
    }
}

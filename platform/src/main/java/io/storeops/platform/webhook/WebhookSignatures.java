package io.storeops.platform.webhook;

import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 *   <li>Native (storefront, carriers): {@code X-StoreOps-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>},
 *       with possibly several {@code v1=}, and {@code t} within the tolerance of now.</li>
 * </ul>
 */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    public static String signShopify(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(hmac(secret, body));
    }

    public static String signNative(byte[] body, String secret, long unixSeconds) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, nativeSigned(unixSeconds, body)));
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

    public static void verifyNative(byte[] body, String header, Collection<String> secrets, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw missingSignature("X-StoreOps-Signature");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            try {
                if (pair[0].equals("t")) {
                    timestamp = Long.parseLong(pair[1]);
                } else if (pair[0].equals("v1")) {
                    signatures.add(HexFormat.of().parseHex(pair[1]));
                }
            } catch (IllegalArgumentException malformedPart) {
                throw badSignature();
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw badSignature();
        }
        requireFresh(Instant.ofEpochSecond(timestamp), now, tolerance);
        byte[] signed = nativeSigned(timestamp, body);
        for (String secret : secrets) {
            byte[] expected = hmac(secret, signed);
            for (byte[] presented : signatures) {
                if (MessageDigest.isEqual(expected, presented)) {
                    return;
                }
            }
        }
        throw badSignature();
    }

    private static void requireFresh(Instant signedAt, Instant now, Duration tolerance) {
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw Problems.unauthorized("stale-webhook",
                    "The delivery was signed at " + signedAt + ", outside the " + tolerance.toSeconds() + " s replay window.");
        }
    }

    private static byte[] nativeSigned(long unixSeconds, byte[] body) {
        byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return signed;
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

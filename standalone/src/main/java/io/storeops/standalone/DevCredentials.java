package io.storeops.standalone;

import io.storeops.contracts.EventJson;
import io.storeops.platform.security.DevTokens;
import io.storeops.platform.security.StaffRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The installation's dev token key (generated on first start, kept only in the data folder) and
 * one short-lived token per role for the demo stores, written to {@code dev-tokens.json}.
 */
final class DevCredentials {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final byte[] secret;

    private DevCredentials(byte[] secret) {
        this.secret = secret;
    }

    static DevCredentials load(Path dataDir) throws IOException {
        Path keyFile = dataDir.resolve("dev-token.key");
        if (!Files.exists(keyFile)) {
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(generated), StandardCharsets.US_ASCII);
            restrictToOwner(keyFile);
        }
        return new DevCredentials(Base64.getDecoder()
                .decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim()));
    }

    String secretBase64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    /** The dev identity of {@code role}: {@code dev-store-manager} for STORE_MANAGER. */
    static String username(StaffRole role) {
        return "dev-" + role.name().toLowerCase().replace('_', '-');
    }

    /** A token per role, valid for the given stores; written to {@code dev-tokens.json} for scripts and the README. */
    Map<String, String> issueTokens(Path dataDir, List<String> stores) throws IOException {
        DevTokens issuer = new DevTokens(secret);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (StaffRole role : StaffRole.values()) {
            tokens.put(role.name(), issuer.issue(username(role), Set.of(role), stores, TOKEN_LIFETIME));
        }
        Path file = dataDir.resolve("dev-tokens.json");
        Files.write(file, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(tokens));
        restrictToOwner(file);
        return tokens;
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
    }
}

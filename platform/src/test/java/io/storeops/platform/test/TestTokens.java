package io.storeops.platform.test;

import io.storeops.platform.security.DevTokens;
import io.storeops.platform.security.StaffRole;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Bearer tokens for tests, signed with a key made for this test JVM. */
public final class TestTokens {

    private static final byte[] SECRET = new byte[32];

    static {
        new SecureRandom().nextBytes(SECRET);
    }

    private static final DevTokens TOKENS = new DevTokens(SECRET);

    private TestTokens() {}

    public static String secretBase64() {
        return Base64.getEncoder().encodeToString(SECRET);
    }

    public static String token(String username, StaffRole role, String... stores) {
        return TOKENS.issue(username, Set.of(role), List.of(stores), Duration.ofMinutes(30));
    }

    public static String bearer(String username, StaffRole role, String... stores) {
        return "Bearer " + token(username, role, stores);
    }
}

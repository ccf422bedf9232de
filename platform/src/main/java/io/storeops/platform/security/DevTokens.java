package io.storeops.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived HS256 tokens for standalone mode and tests, signed with a key that is generated
 * per installation (never committed). Production validates tokens of the company's identity
 * provider instead ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}).
 */
public final class DevTokens {

    public static final String ISSUER = "storeops-dev";

    private final SecretKey key;

    public DevTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the dev token secret needs at least 256 bits");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public SecretKey key() {
        return key;
    }

    public String issue(String username, Collection<StaffRole> roles, Collection<String> stores, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(username)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("preferred_username", username)
                .claim("roles", roles.stream().map(Enum::name).toList())
                .claim("stores", List.copyOf(stores))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException cannotSign) {
            throw new IllegalStateException("cannot sign a dev token", cannotSign);
        }
        return jwt.serialize();
    }
}

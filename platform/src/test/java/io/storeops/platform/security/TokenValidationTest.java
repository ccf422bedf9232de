package io.storeops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class TokenValidationTest {

    private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!!".getBytes();

    @Test
    void aServiceRefusesToTrustBothDevTokensAndAnIdentityProvider() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(
                        "storeops.security.dev-token-secret",
                        Base64.getEncoder().encodeToString(SECRET))
                .withProperty(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                        "https://login.example.com/realms/shop");

        assertThatThrownBy(() -> new SecurityConfiguration().devTokenDecoder(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("issuer-uri")
                .hasMessageContaining("never both");
    }

    @Test
    void whenAudiencesAreConfiguredATokenForAnotherAudienceIsRefused() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(
                        "storeops.security.dev-token-secret",
                        Base64.getEncoder().encodeToString(SECRET))
                .withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "storeops-api");
        ReactiveJwtDecoder decoder = new SecurityConfiguration().devTokenDecoder(environment);

        assertThat(decoder.decode(token("storeops-api")).block().getAudience()).containsExactly("storeops-api");
        assertThatThrownBy(() -> decoder.decode(token("another-app")).block())
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(new DevTokens(SECRET)
                                .issue("u", Set.of(StaffRole.MANAGER), List.of("s"), Duration.ofMinutes(5)))
                        .block())
                .as("no audience at all")
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void withoutConfiguredAudiencesDevTokensAreAccepted() {
        ReactiveJwtDecoder decoder = new SecurityConfiguration()
                .devTokenDecoder(new MockEnvironment()
                        .withProperty(
                                "storeops.security.dev-token-secret",
                                Base64.getEncoder().encodeToString(SECRET)));

        assertThat(decoder.decode(new DevTokens(SECRET)
                                .issue("u", Set.of(StaffRole.MANAGER), List.of("s"), Duration.ofMinutes(5)))
                        .block()
                        .getSubject())
                .isEqualTo("u");
    }

    private static String token(String audience) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(DevTokens.ISSUER)
                .subject("u")
                .audience(audience)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET));
        return jwt.serialize();
    }
}

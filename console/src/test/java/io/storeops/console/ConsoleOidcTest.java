package io.storeops.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Production sign-in: OpenID Connect against the company's identity provider (a stand-in on the
 * stub server), and the access token it issued relayed to the services — never shown to the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {StubServices.class, ConsoleOidcTest.CompanyIdentityProvider.class})
@AutoConfigureWebTestClient
class ConsoleOidcTest {

    private static final String ACCESS_TOKEN = "access-token-from-the-company-idp";
    private static final RSAKey SIGNING_KEY = signingKey();

    @Autowired
    WebTestClient http;

    private final WireMockServer stub = StubServices.server();

    /** The identity provider's endpoints, on the stub server, as the console's registration "company". */
    static class CompanyIdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext console) {
            String idp = "http://127.0.0.1:" + StubServices.server().port() + "/idp";
            String registration = "spring.security.oauth2.client.registration.company.";
            String provider = "spring.security.oauth2.client.provider.company.";
            TestPropertyValues.of(
                            registration + "client-id=storeops-console",
                            registration + "client-secret=not-a-real-secret",
                            registration + "client-name=Company SSO",
                            registration + "authorization-grant-type=authorization_code",
                            registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                            registration + "scope=openid,profile",
                            provider + "authorization-uri=" + idp + "/authorize",
                            provider + "token-uri=" + idp + "/token",
                            provider + "jwk-set-uri=" + idp + "/jwks",
                            provider + "user-name-attribute=preferred_username")
                    .applyTo(console);
        }
    }

    @Test
    void aPersonSignsInAtTheCompanyAndTheServicesGetTheTokenItIssued() throws JOSEException {
        stub.resetAll();
        ServiceStubs.desk(ACCESS_TOKEN, "orders/desk-cs-aftersale.json");
        stub.stubFor(get(urlPathEqualTo("/idp/jwks"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(SIGNING_KEY.toPublicJWK()).toString())));

        assertThat(http.get()
                        .uri("/sign-in")
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("Sign in with Company SSO", "/oauth2/authorization/company");

        EntityExchangeResult<byte[]> toTheProvider = http.get()
                .uri("/oauth2/authorization/company")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectBody()
                .returnResult();
        URI authorize = toTheProvider.getResponseHeaders().getLocation();
        assertThat(authorize.toString()).startsWith("http://127.0.0.1:" + stub.port() + "/idp/authorize");
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        String session = toTheProvider.getResponseCookies().getFirst("SESSION").getValue();
        stub.stubFor(post(urlPathEqualTo("/idp/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"access_token": "%s", "token_type": "Bearer", "expires_in": 3600, "scope": "openid profile",
                                 "id_token": "%s"}
                                """.formatted(ACCESS_TOKEN, idToken(decoded(query.getFirst("nonce")))))));

        EntityExchangeResult<byte[]> back = http.get()
                .uri("/login/oauth2/code/company?code=one-time-code&state={state}", decoded(query.getFirst("state")))
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectBody()
                .returnResult();
        assertThat(back.getResponseHeaders().getLocation()).hasToString("/");
        ResponseCookie signedIn = back.getResponseCookies().getFirst("SESSION");
        assertThat(signedIn).as("a new session id once signed in").isNotNull();
        assertThat(signedIn.getValue()).isNotEqualTo(session);
        http.get().uri("/").cookie("SESSION", session).exchange().expectStatus().is3xxRedirection();

        String home = http.get()
                .uri("/")
                .cookie("SESSION", signedIn.getValue())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(home).contains("天猫旗舰店", "Waiting for review").doesNotContain(ACCESS_TOKEN);
        stub.verify(getRequestedFor(urlPathEqualTo("/api/order-desk"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    private static String idToken(String nonce) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(SIGNING_KEY.getKeyID())
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer("http://127.0.0.1:" + StubServices.server().port() + "/idp")
                        .subject("li.lei")
                        .audience("storeops-console")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600)))
                        .claim("nonce", nonce)
                        .claim("preferred_username", "li.lei")
                        .build());
        token.sign(new RSASSASigner(SIGNING_KEY));
        return token.serialize();
    }

    private static String decoded(String queryValue) {
        return URLDecoder.decode(queryValue, StandardCharsets.UTF_8);
    }

    private static RSAKey signingKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("company-idp-key").generate();
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }
}

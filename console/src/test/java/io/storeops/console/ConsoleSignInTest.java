package io.storeops.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

@ConsoleTest
class ConsoleSignInTest {

    @Autowired
    WebTestClient http;

    @Test
    void pagesNeedASignedInPersonAndSendThemToTheSignIn() {
        http.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/sign-in");
    }

    @Test
    void theSignInListsTheDemoDepartmentUnderAContentSecurityPolicy() {
        http.get()
                .uri("/sign-in")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("Content-Security-Policy", policy -> assertThat(policy).contains("default-src 'self'"))
                .expectBody(String.class)
                .value(page -> assertThat(page)
                        .contains("dev-cs-aftersale — After-sale customer service", "dev-warehouse — Warehouse")
                        .doesNotContain("secret-bearer-token"));
    }

    @Test
    void theStylesheetIsServedBeforeSigningIn() {
        http.get()
                .uri("/console.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(css -> assertThat(css).contains("focus-visible"));
    }

    @Test
    void probesAndMetricsAnswerTheClusterWithoutASignInAndNothingElseOfTheActuatorDoes() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.mutate()
                // every route the suite has called has its latency buckets on the page by now
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics ->
                        assertThat(metrics).contains("application=\"console\"", "http_server_requests_seconds_bucket"));
        http.get().uri("/actuator/env").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void aSignInWithoutItsCsrfTokenIsRefused() {
        http.post()
                .uri("/sign-in")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "dev-cs-aftersale"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aPersonSignsInSeesTheirRoleAndStoresButNeverTheirTokenAndSignsOut() {
        ServiceStubs.desk("secret-bearer-token", "orders/desk-cs-aftersale.json");

        EntityExchangeResult<String> signInPage =
                http.get().uri("/sign-in").exchange().expectBody(String.class).returnResult();
        String session = sessionCookie(signInPage);

        EntityExchangeResult<byte[]> signedIn = http.post()
                .uri("/sign-in")
                .cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "dev-cs-aftersale")
                        .with("_csrf", SignedIn.csrf(signInPage.getResponseBody())))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/")
                .expectBody()
                .returnResult();
        String newSession = sessionCookie(signedIn);
        assertThat(newSession).as("a new session id once signed in").isNotEqualTo(session);

        EntityExchangeResult<String> home = http.get()
                .uri("/")
                .cookie("SESSION", newSession)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        assertThat(home.getResponseBody())
                .contains("Signed in as dev-cs-aftersale, After-sale customer service", "天猫旗舰店", "Demo Shopify store")
                .doesNotContain("secret-bearer-token");

        http.post()
                .uri("/sign-out")
                .cookie("SESSION", newSession)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", SignedIn.csrf(home.getResponseBody())))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/sign-in?signedOut");
        http.get()
                .uri("/")
                .cookie("SESSION", newSession)
                .exchange()
                .expectStatus()
                .is3xxRedirection();
    }

    @Test
    void theLanguageIsChosenWithASwitchAndRemembered() {
        EntityExchangeResult<String> chinese = http.get()
                .uri("/sign-in?lang=zh-CN")
                .exchange()
                .expectBody(String.class)
                .returnResult();
        assertThat(chinese.getResponseBody()).contains("登录", "售后客服").contains("lang=\"zh-CN\"");
        ResponseCookie remembered = chinese.getResponseCookies().getFirst("storeops-lang");
        assertThat(remembered).isNotNull();

        http.get()
                .uri("/sign-in")
                .cookie(remembered.getName(), remembered.getValue())
                .exchange()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("登录"));
        http.get()
                .uri("/sign-in")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9")
                .exchange()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("登录"));
        http.get()
                .uri("/sign-in")
                .exchange()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("Sign in"));
    }

    private static String sessionCookie(EntityExchangeResult<?> result) {
        ResponseCookie session = result.getResponseCookies().getFirst("SESSION");
        assertThat(session).as("a session cookie").isNotNull();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        return session.getValue();
    }
}

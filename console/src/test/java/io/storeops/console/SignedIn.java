package io.storeops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** A person signed in to the console, as a browser would be: their session cookie and the page's CSRF token. */
public final class SignedIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final WebTestClient http;
    private final String session;
    private final String csrf;
    private final String language;

    private SignedIn(WebTestClient http, String session, String csrf, String language) {
        this.http = http;
        this.session = session;
        this.csrf = csrf;
        this.language = language;
    }

    /** The same person with a browser that prefers Chinese. */
    public SignedIn inChinese() {
        return new SignedIn(http, session, csrf, "zh-CN");
    }

    public static SignedIn as(WebTestClient http, String username) {
        EntityExchangeResult<String> signInPage =
                http.get().uri("/sign-in").exchange().expectBody(String.class).returnResult();
        ResponseCookie first = signInPage.getResponseCookies().getFirst("SESSION");
        assertThat(first).as("a session cookie").isNotNull();
        EntityExchangeResult<byte[]> signedIn = http.post()
                .uri("/sign-in")
                .cookie("SESSION", first.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", username)
                        .with("_csrf", csrf(signInPage.getResponseBody())))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectBody()
                .returnResult();
        ResponseCookie session = signedIn.getResponseCookies().getFirst("SESSION");
        assertThat(session).as("a new session once signed in").isNotNull();
        return new SignedIn(http, session.getValue(), csrf(signInPage.getResponseBody()), "en");
    }

    /** A page, as the browser asks for it. */
    public WebTestClient.ResponseSpec get(String uri) {
        return http.get()
                .uri(uri)
                .cookie("SESSION", session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    public String page(String uri) {
        return get(uri).expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** What htmx fetches from a page (a part of one, such as the next page of a list). */
    public WebTestClient.ResponseSpec htmxGet(String uri) {
        return http.get()
                .uri(uri)
                .cookie("SESSION", session)
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    public String fragment(String uri) {
        return htmxGet(uri)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** A form sent by htmx with a form token that is not this session's (a page left open across sessions). */
    public WebTestClient.ResponseSpec postWithStaleToken(String uri) {
        return http.post()
                .uri(uri)
                .cookie("SESSION", session)
                .header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", "a-token-of-another-session")
                        .with("text", "ok"))
                .exchange();
    }

    /** A form sent by htmx from a page: with the CSRF token, answered with the part of the page that changed. */
    public WebTestClient.ResponseSpec post(String uri, MultiValueMap<String, String> form) {
        BodyInserters.FormInserter<String> body = BodyInserters.fromFormData("_csrf", csrf);
        form.forEach((name, values) -> values.forEach(value -> body.with(name, value)));
        return http.post()
                .uri(uri)
                .cookie("SESSION", session)
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(body)
                .exchange();
    }

    /** A file sent by htmx from a page's upload form, with the form token as htmx sends it: a header. */
    public WebTestClient.ResponseSpec postFile(String uri, String field, String fileName, byte[] content) {
        return postFile(uri, field, fileName, content, true);
    }

    /** The same upload, with the form token in a header or (as a plain form would) a field of the upload. */
    public WebTestClient.ResponseSpec postFile(
            String uri, String field, String fileName, byte[] content, boolean tokenInHeader) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        if (!tokenInHeader) {
            parts.part("_csrf", csrf);
        }
        parts.part(field, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.post()
                .uri(uri)
                .cookie("SESSION", session)
                .header("HX-Request", "true")
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .headers(headers -> {
                    if (tokenInHeader) {
                        headers.set("X-CSRF-TOKEN", csrf);
                    }
                })
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange();
    }

    /** A form's fields: name, value, name, value… (a name may repeat). */
    public static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }
}

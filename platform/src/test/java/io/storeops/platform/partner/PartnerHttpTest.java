package io.storeops.platform.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/** One call read whole with its status and how long a busy partner asks to wait; no answer in time is a timeout. */
class PartnerHttpTest {

    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private final StubPartner partner = new StubPartner();
    private final WebClient client = PartnerHttp.client(WebClient.builder(), TIMEOUT);

    @AfterEach
    void stop() {
        partner.close();
    }

    @Test
    void anAnswerIsReadWholeWithItsStatusAndRetryAfter() {
        partner.answer(429, Map.of("Retry-After", "7"), "{\"error\": \"slow down\"}", Duration.ZERO);

        StepVerifier.create(PartnerHttp.send(client.post().uri(partner.baseUrl()), TIMEOUT, "the partner"))
                .assertNext(answer -> {
                    assertThat(answer.status()).isEqualTo(429);
                    assertThat(answer.busy()).isTrue();
                    assertThat(answer.successful()).isFalse();
                    assertThat(answer.statusLine()).isEqualTo("429 Too Many Requests");
                    assertThat(answer.json().path("error").asString()).isEqualTo("slow down");
                    assertThat(answer.retryAfter()).contains(Duration.ofSeconds(7));
                })
                .verifyComplete();
    }

    @Test
    void noAnswerInTimeIsATimeoutNamingThePartner() {
        partner.answer(200, Map.of(), "{}", Duration.ofSeconds(3));

        StepVerifier.create(PartnerHttp.send(client.post().uri(partner.baseUrl()), TIMEOUT, "the marketplace"))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOf(TimeoutException.class)
                        .hasMessageContaining("the marketplace"))
                .verify(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDateAndIgnoredWhenUnreadable() {
        byte[] nothing = "".getBytes(StandardCharsets.UTF_8);
        String inAMinute =
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60).format(DateTimeFormatter.RFC_1123_DATE_TIME);

        assertThat(new PartnerHttp.Answer(503, nothing, "120").retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(new PartnerHttp.Answer(503, nothing, inAMinute).retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60)));
        assertThat(new PartnerHttp.Answer(503, nothing, "Wed, 21 Oct 2015 07:28:00 GMT").retryAfter())
                .as("a date gone by: ask again now")
                .contains(Duration.ZERO);
        assertThat(new PartnerHttp.Answer(503, nothing, "soon").retryAfter()).isEmpty();
        assertThat(new PartnerHttp.Answer(503, nothing).retryAfter()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotJsonReadsAsMissing() {
        PartnerHttp.Answer answer =
                new PartnerHttp.Answer(502, "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.json().isMissingNode()).isTrue();
        assertThat(answer.snippet()).isEqualTo("<html>Bad gateway</html>");
    }
}

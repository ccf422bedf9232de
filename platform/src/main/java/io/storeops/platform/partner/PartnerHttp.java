package io.storeops.platform.partner;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * What the adapters that call storefronts and gateways share on the wire (payouts, review replies,
 * publications): a client that gives up in time, one call read whole with its status (and how long
 * a busy partner asks to be left alone), JSON built and read as trees (never text put together from
 * values), and idempotency keys a header carries. A call without an answer in time fails with a
 * {@link TimeoutException}: it may have done its work, and the retry asks again with the same key.
 */
public final class PartnerHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int SNIPPET_LIMIT = 120;
    private static final byte[] NOTHING = new byte[0];

    private PartnerHttp() {}

    /**
     * A client whose connections and answers time out after {@code timeout}, from the application's
     * builder (its codecs and observation) or {@code WebClient.builder()}.
     */
    public static WebClient client(WebClient.Builder builder, Duration timeout) {
        int connectMillis = (int) Math.max(1, Math.min(timeout.toMillis(), Integer.MAX_VALUE));
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .responseTimeout(timeout);
        return builder.clone()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
    }

    /**
     * A partner's answer: its status, its whole body, and its {@code Retry-After} header (null
     * when it sent none).
     */
    public record Answer(int status, byte[] body, String retryAfterHeader) {

        public Answer(int status, byte[] body) {
            this(status, body, null);
        }

        public boolean successful() {
            return status >= 200 && status < 300;
        }

        /** Busy or broken on the partner's side: the same call may succeed later. */
        public boolean busy() {
            return status == 429 || status >= 500;
        }

        /** The body as JSON; a missing node when it is empty or not JSON. */
        public JsonNode json() {
            if (body.length == 0) {
                return MissingNode.getInstance();
            }
            try {
                JsonNode tree = JSON.readTree(body);
                return tree == null ? MissingNode.getInstance() : tree;
            } catch (JacksonException notJson) {
                return MissingNode.getInstance();
            }
        }

        /**
         * How long the partner asked to be left alone ({@code Retry-After} in seconds or as an
         * HTTP date); empty when it did not say, or said it unreadably.
         */
        public Optional<Duration> retryAfter() {
            if (retryAfterHeader == null || retryAfterHeader.isBlank()) {
                return Optional.empty();
            }
            String value = retryAfterHeader.strip();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    Duration wait = Duration.between(Instant.now(), until);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }

        /** The status with its reason phrase, e.g. "503 Service Unavailable". */
        public String statusLine() {
            HttpStatus known = HttpStatus.resolve(status);
            return known == null ? String.valueOf(status) : status + " " + known.getReasonPhrase();
        }

        /** The start of the body on one line, for a failure note. */
        public String snippet() {
            String text = new String(body, StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ")
                    .strip();
            return text.length() > SNIPPET_LIMIT ? text.substring(0, SNIPPET_LIMIT) + "..." : text;
        }
    }

    /**
     * Sends the request and reads the whole answer, whatever its status; no answer within {@code
     * timeout} is a {@link TimeoutException} naming the {@code partner}.
     */
    public static Mono<Answer> send(WebClient.RequestHeadersSpec<?> request, Duration timeout, String partner) {
        return request.exchangeToMono(response -> response.bodyToMono(byte[].class)
                        .defaultIfEmpty(NOTHING)
                        .map(body -> new Answer(
                                response.statusCode().value(),
                                body,
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER))))
                .timeout(timeout, Mono.<Answer>error(() -> noAnswer(partner, timeout)))
                .onErrorMap(PartnerHttp::readTimedOut, failure -> noAnswer(partner, timeout));
    }

    public static byte[] write(JsonNode json) {
        return JSON.writeValueAsBytes(json);
    }

    /** A string or number field as text; null when absent, null, blank or another kind. */
    public static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            String value = node.stringValue();
            return value == null || value.isBlank() ? null : value;
        }
        return node.isNumber() ? node.asString() : null;
    }

    /** The lowercase hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The lowercase hex SHA-256 of {@code bytes} (a picture, a request body). */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is not available", unavailable);
        }
    }

    private static TimeoutException noAnswer(String partner, Duration timeout) {
        return new TimeoutException(partner + " gave no answer within " + timeout.toMillis() + " ms");
    }

    private static boolean readTimedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadTimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}

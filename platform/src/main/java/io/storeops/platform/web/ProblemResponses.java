package io.storeops.platform.web;

import io.storeops.platform.messaging.FailurePolicy;
import io.storeops.platform.outbox.ConcurrentUpdateException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error leaves as {@code application/problem+json}. Framework errors (unreadable body,
 * unknown route, wrong method) get a type derived from their status; the store or broker not
 * answering is a 503 with {@code Retry-After}; anything unexpected is a 500 problem whose detail
 * reveals nothing internal.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(ConcurrentUpdateException.class)
    public Mono<ResponseEntity<Object>> concurrentUpdate(
            ConcurrentUpdateException exception, ServerWebExchange exchange) {
        return handleExceptionInternal(
                exception,
                Problems.conflict(
                                "concurrent-update",
                                "Others changed this at the same moment; read it again and retry.",
                                Map.of())
                        .getBody(),
                null,
                HttpStatus.CONFLICT,
                exchange);
    }

    /** An upload beyond the service's limit (a multipart part past its disk allowance): refused whole, 413. */
    @ExceptionHandler(DataBufferLimitException.class)
    public Mono<ResponseEntity<Object>> tooLarge(DataBufferLimitException exception, ServerWebExchange exchange) {
        return handleExceptionInternal(
                exception,
                new ProblemException(
                                HttpStatus.CONTENT_TOO_LARGE,
                                "payload-too-large",
                                "Payload too large",
                                "The upload is larger than this service takes (" + exception.getMessage()
                                        + "); nothing of it was kept.")
                        .getBody(),
                null,
                HttpStatus.CONTENT_TOO_LARGE,
                exchange);
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> unexpected(Exception exception, ServerWebExchange exchange) {
        if (FailurePolicy.isInfrastructure(exception)) {
            return unavailable(exception, exchange);
        }
        log.error(
                "Unexpected error on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed by this request if it did not complete.");
        problem.setType(URI.create(ProblemException.TYPE_PREFIX + "internal-error"));
        return handleExceptionInternal(exception, problem, null, HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    /**
     * The store or the broker did not answer in time. A webhook's effect was not kept (its claim is
     * released or left unfinished), so a sender that retries — every storefront does on a 5xx — gets
     * its effect once they are back.
     */
    private Mono<ResponseEntity<Object>> unavailable(Exception exception, ServerWebExchange exchange) {
        log.warn(
                "Unavailable for {} {}: {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                exception.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "A system this request needs did not answer in time. Retry in a few seconds.");
        problem.setType(URI.create(ProblemException.TYPE_PREFIX + "service-unavailable"));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    /**
     * A query or path value of the wrong kind names the parameter, the value and what it must look
     * like; a body that is not JSON is {@code malformed-json}, and JSON with a value of the wrong
     * kind is {@code invalid-payload} naming where (without the server's class names).
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException exception, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (exception.getCause() instanceof DecodingException unreadable) {
            ProblemException problem = bodyProblem(unreadable);
            return handleExceptionInternal(exception, problem.getBody(), headers, problem.getStatusCode(), exchange);
        }
        if (!(exception.getCause() instanceof TypeMismatchException mismatch)
                || exception.getMethodParameter() == null) {
            return super.handleServerWebInputException(exception, headers, status, exchange);
        }
        String parameter = exception.getMethodParameter().getParameterName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                "'" + mismatch.getValue() + "' is not a valid " + parameter + ": expected "
                        + expected(mismatch.getRequiredType()) + ".");
        problem.setType(URI.create(ProblemException.TYPE_PREFIX + "invalid-parameter"));
        problem.setProperty("parameter", parameter);
        return handleExceptionInternal(exception, problem, headers, status, exchange);
    }

    private static ProblemException bodyProblem(DecodingException unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException wrongValue
                    && !wrongValue.getPath().isEmpty()
                    && wrongValue.getTargetType() != null) {
                return Problems.invalid(where(wrongValue) + " must be " + expected(wrongValue.getTargetType()) + ".");
            }
            if (cause instanceof DatabindException wrongValue
                    && !wrongValue.getPath().isEmpty()) {
                return Problems.invalid(where(wrongValue) + " has a value of the wrong kind.");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return unreadable.getCause() instanceof DatabindException
                ? Problems.invalid("The body must be an object of this route's fields.")
                : Problems.malformedJson("The request body is not valid JSON.");
    }

    /** Where in the body a value was wrong: {@code lines[0].quantity}. */
    private static String where(DatabindException wrongValue) {
        StringBuilder path = new StringBuilder();
        for (var step : wrongValue.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "The body" : path.toString();
    }

    /** What a value must be, in words a caller understands (never a class of the server's). */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (LocalDate.class.equals(type)) {
            return "a date such as 2026-11-28 (yyyy-MM-dd)";
        }
        if (Instant.class.equals(type) || OffsetDateTime.class.equals(type)) {
            return "a time such as 2026-11-28T14:00:00Z (ISO 8601)";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (Boolean.class.equals(type) || boolean.class.equals(type)) {
            return "true or false";
        }
        if (Double.class.equals(type)
                || double.class.equals(type)
                || Float.class.equals(type)
                || float.class.equals(type)
                || BigDecimal.class.equals(type)) {
            return "a number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a whole number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(URI.create(ProblemException.TYPE_PREFIX + slugOf(status)));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private static String slugOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.name().toLowerCase().replace('_', '-');
    }
}

package io.storeops.platform.web;

import io.storeops.platform.messaging.FailurePolicy;
import io.storeops.platform.outbox.ConcurrentUpdateException;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

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
    public Mono<ResponseEntity<Object>> concurrentUpdate(ConcurrentUpdateException exception, ServerWebExchange exchange) {
        return handleExceptionInternal(exception, Problems.conflict("concurrent-update",
                        "Others changed this at the same moment; read it again and retry.", Map.of()).getBody(),
                null, HttpStatus.CONFLICT, exchange);
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> unexpected(Exception exception, ServerWebExchange exchange) {
        if (FailurePolicy.isInfrastructure(exception)) {
            return unavailable(exception, exchange);
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
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
        log.warn("Unavailable for {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), exception.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "A system this request needs did not answer in time. Retry in a few seconds.");
        problem.setType(URI.create(ProblemException.TYPE_PREFIX + "service-unavailable"));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
                                                                HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(URI.create(ProblemException.TYPE_PREFIX + slugOf(status)));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private static String slugOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }
}

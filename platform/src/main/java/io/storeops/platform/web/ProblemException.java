package io.storeops.platform.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem with a stable {@code type} per cause ({@code urn:storeops:problem:<slug>}),
 * rendered as {@code application/problem+json}. Clients branch on the type, people read the detail.
 */
public class ProblemException extends ErrorResponseException {

    public static final String TYPE_PREFIX = "urn:storeops:problem:";

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public ProblemException(
            HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
        super(status, problem(status, slug, title, detail, properties), null);
    }

    private static ProblemDetail problem(
            HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    public String slug() {
        return getBody().getType().toString().substring(TYPE_PREFIX.length());
    }
}

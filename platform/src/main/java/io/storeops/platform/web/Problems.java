package io.storeops.platform.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The problem types every service shares. Service-specific ones are built the same way. */
public final class Problems {

    private Problems() {}

    /** The most items one list request may ask for. */
    public static final int MAX_LIST_LIMIT = 500;

    /** Refuses a list page size outside 1..{@value #MAX_LIST_LIMIT} with 400. */
    public static void requireListLimit(int limit) {
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw badRequest("invalid-limit", "limit must be between 1 and " + MAX_LIST_LIMIT + ".");
        }
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, slug, "Bad request", detail);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-payload", "Invalid payload", detail);
    }

    public static ProblemException malformedJson(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(
                HttpStatus.NOT_FOUND,
                "not-found",
                what + " not found",
                "No " + what.toLowerCase() + " " + id + " in your stores.");
    }

    public static ProblemException conflict(String slug, String detail, Map<String, Object> properties) {
        return new ProblemException(HttpStatus.CONFLICT, slug, "Conflict", detail, properties);
    }

    public static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, slug, "Forbidden", detail);
    }

    public static ProblemException unauthorized(String slug, String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, slug, "Unauthorized", detail);
    }
}

package io.storeops.console.aftersale;

import io.storeops.console.aftersale.ComplaintModel.ComplaintPage;
import io.storeops.console.aftersale.ComplaintModel.ComplaintView;
import io.storeops.console.aftersale.ComplaintModel.ReviewPage;
import io.storeops.console.aftersale.ComplaintModel.ReviewView;
import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.services.Services;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** refund-service's complaints and reviews routes, as the signed-in person. */
@Component
class ComplaintApi {

    private static final String SERVICE = AfterSaleDesk.SERVICE;
    private static final int PAGE = 50;

    private final Services services;

    ComplaintApi(Services services) {
        this.services = services;
    }

    /** One page of a store's complaints in {@code states} (news first), and where the next page starts. */
    Mono<ComplaintPage> complaints(String storeId, List<String> states, String cursor) {
        return services.as(SERVICE)
                .flatMap(client -> client.get()
                        .uri(uri -> uri.path("/api/complaints")
                                .queryParam("storeId", storeId)
                                .queryParam("state", String.join(",", states))
                                .queryParam("limit", PAGE)
                                .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                                .build())
                        .retrieve()
                        .bodyToMono(ComplaintPage.class));
    }

    Mono<ComplaintView> complaint(String complaintId) {
        return services.as(SERVICE)
                .flatMap(client -> client.get()
                        .uri("/api/complaints/{id}", complaintId)
                        .retrieve()
                        .bodyToMono(ComplaintView.class));
    }

    /** A complaint taken from the buyer, with the form's key: the same key again takes no second complaint. */
    Mono<ComplaintView> open(String idempotencyKey, Map<String, Object> entry) {
        return services.as(SERVICE)
                .flatMap(client -> client.post()
                        .uri("/api/complaints")
                        .header("Idempotency-Key", idempotencyKey)
                        .bodyValue(entry)
                        .retrieve()
                        .bodyToMono(ComplaintView.class));
    }

    Mono<ComplaintView> recordComplaintContact(String complaintId, String channel, String offered, String answer) {
        return complaintStep(
                complaintId, "contacts", fields("channel", channel, "offered", offered, "buyerAnswer", answer));
    }

    Mono<ComplaintView> resolve(String complaintId, String outcome, String note, String refundCaseId) {
        return complaintStep(
                complaintId, "resolution", fields("outcome", outcome, "note", note, "refundCaseId", refundCaseId));
    }

    Mono<ComplaintView> withdraw(String complaintId, String note) {
        return complaintStep(complaintId, "withdrawal", fields("note", note));
    }

    /**
     * One page of a store's reviews, the longest waiting first: the low ones ({@code lowOnly}, as the
     * service decided when each came in) in {@code states}, or with {@code buyerNick} that buyer's
     * reviews (旺旺反查).
     */
    Mono<ReviewPage> reviews(String storeId, List<String> states, boolean lowOnly, String buyerNick, String cursor) {
        return services.as(SERVICE)
                .flatMap(client -> client.get()
                        .uri(uri -> uri.path("/api/reviews")
                                .queryParam("storeId", storeId)
                                .queryParamIfPresent(
                                        "state",
                                        states.isEmpty() ? Optional.empty() : Optional.of(String.join(",", states)))
                                .queryParamIfPresent("low", lowOnly ? Optional.of(true) : Optional.empty())
                                .queryParamIfPresent("buyerNick", Optional.ofNullable(buyerNick))
                                .queryParam("limit", PAGE)
                                .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                                .build())
                        .retrieve()
                        .bodyToMono(ReviewPage.class));
    }

    Mono<ReviewView> review(String id) {
        return services.as(SERVICE)
                .flatMap(client ->
                        client.get().uri("/api/reviews/{id}", id).retrieve().bodyToMono(ReviewView.class));
    }

    Mono<ReviewView> recordReviewContact(String id, String channel, String offered, String answer) {
        return reviewStep(id, "contacts", fields("channel", channel, "offered", offered, "buyerAnswer", answer));
    }

    Mono<ReviewView> reply(String id, String reply) {
        return reviewStep(id, "reply", fields("reply", reply));
    }

    private Mono<ComplaintView> complaintStep(String complaintId, String step, Object body) {
        return services.as(SERVICE)
                .flatMap(client -> client.post()
                        .uri("/api/complaints/{id}/" + step, complaintId)
                        .bodyValue(body)
                        .retrieve()
                        .bodyToMono(ComplaintView.class));
    }

    private Mono<ReviewView> reviewStep(String id, String step, Object body) {
        return services.as(SERVICE)
                .flatMap(client -> client.post()
                        .uri("/api/reviews/{id}/" + step, id)
                        .bodyValue(body)
                        .retrieve()
                        .bodyToMono(ReviewView.class));
    }

    /** A command's body as the form gave it: blank is missing, and the service says what it needs (in a 4xx). */
    private static Map<String, Object> fields(String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            body.put(namesAndValues[i], value == null || value.isBlank() ? null : value.strip());
        }
        return body;
    }
}

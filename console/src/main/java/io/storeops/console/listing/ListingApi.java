package io.storeops.console.listing;

import io.storeops.console.listing.ListingModel.BoardEntry;
import io.storeops.console.listing.ListingModel.ListingView;
import io.storeops.console.listing.ListingModel.Readers;
import io.storeops.console.services.Services;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** listing-service's routes, as the signed-in person. Every step answers the product as it then is. */
@Component
class ListingApi {

    private static final String SERVICE = ListingDesk.SERVICE;
    private static final String ROUTES = "/api/listings";
    private static final String PRODUCT = ROUTES + "/{productId}";

    /** The board's length: the service's largest page, every product a store's team has in hand. */
    private static final int BOARD_LIMIT = 500;

    private static final MediaType PICTURES = MediaType.parseMediaType("image/*");

    private final Services services;

    ListingApi(Services services) {
        this.services = services;
    }

    /** The products of {@code storeId}, at {@code step} (any when null), longest waiting in their step first. */
    Mono<List<BoardEntry>> board(String storeId, String step) {
        return services.list(
                SERVICE,
                uri -> uri.path(ROUTES)
                        .queryParam("storeId", storeId)
                        .queryParamIfPresent("step", Optional.ofNullable(step))
                        .queryParam("limit", BOARD_LIMIT)
                        .build(),
                BoardEntry.class);
    }

    /** Selects a product described by {@code sheet} (spuCode, title, stores, skus, positioning). */
    Mono<ListingView> select(Map<String, Object> sheet) {
        return services.send(SERVICE, HttpMethod.POST, uri -> uri.path(ROUTES).build(), sheet, ListingView.class);
    }

    Mono<ListingView> product(String productId) {
        return services.get(SERVICE, uri -> uri.path(PRODUCT).build(productId), ListingView.class);
    }

    /** The product SKU {@code sku} belongs to (a 404 problem when the listing flow has none, or not in the person's stores). */
    Mono<ListingView> bySku(String sku) {
        return services.get(SERVICE, uri -> uri.path(ROUTES + "/by-sku/{sku}").build(sku), ListingView.class);
    }

    Mono<ListingView> edit(String productId, Map<String, Object> sheet) {
        return send(HttpMethod.PUT, productId, "", sheet);
    }

    /** Publishes the selling-points card: highlights, materials, sizesAndFit, care, answers. */
    Mono<ListingView> publishSellingPoints(String productId, Map<String, Object> card) {
        return send(HttpMethod.PUT, productId, "/selling-points", card);
    }

    Mono<ListingView> acknowledge(String productId) {
        return step(productId, "selling-points/acknowledgement");
    }

    Mono<Readers> readers(String productId) {
        return services.get(
                SERVICE, uri -> uri.path(PRODUCT + "/acknowledgements").build(productId), Readers.class);
    }

    /**
     * A step without anything to say but the product: a hand-over ({@code originals/submission},
     * {@code retouched/submission}, {@code detail-page/submission}) or {@code publication}.
     */
    Mono<ListingView> step(String productId, String route) {
        return send(HttpMethod.POST, productId, "/" + route, Map.of());
    }

    /** Sends a failed publication to {@code storeId} again. */
    Mono<ListingView> retryPublication(String productId, String storeId) {
        return services.send(
                SERVICE,
                HttpMethod.POST,
                uri -> uri.path(PRODUCT + "/publication/{storeId}/retry").build(productId, storeId),
                Map.of(),
                ListingView.class);
    }

    /** The verdicts on the images under review: imageId, verdict (APPROVED, REJECTED), comment. */
    Mono<ListingView> reviewImages(String productId, List<Map<String, String>> verdicts) {
        return send(HttpMethod.POST, productId, "/images/review", Map.of("verdicts", verdicts));
    }

    /** Saves the designer's draft of the detail page (the service cleans it). */
    Mono<ListingView> saveDetailPage(String productId, String html) {
        return send(HttpMethod.PUT, productId, "/detail-page", body("html", html));
    }

    Mono<ListingView> reviewDetailPage(String productId, String verdict, String comment) {
        return send(HttpMethod.POST, productId, "/detail-page/review", body("verdict", verdict, "comment", comment));
    }

    Mono<ListingView> withdraw(String productId, String reason) {
        return send(HttpMethod.POST, productId, "/withdrawal", body("reason", reason));
    }

    /** A remark on one image; answered with the product as it then is. */
    Mono<ListingView> comment(String productId, String imageId, String text) {
        return services.send(
                        SERVICE,
                        HttpMethod.POST,
                        uri -> uri.path(PRODUCT + "/images/{imageId}/comments").build(productId, imageId),
                        body("text", text),
                        Map.class)
                .then(product(productId));
    }

    /**
     * A photograph the staff member uploaded (spooled by the console as it arrived), passed on with
     * its {@code fields}: stage ORIGINAL with slot, or RETOUCHED with retouchedFrom. Answered with the
     * product as it then is.
     */
    Mono<ListingView> upload(String productId, FilePart file, Map<String, String> fields) {
        return services.upload(SERVICE, uri -> uri.path(PRODUCT + "/images").build(productId), file, fields, Map.class)
                .then(product(productId));
    }

    /**
     * A product's picture (or its thumbnail) streamed through to the browser with its type and its
     * caching (private: only the signed-in browser keeps it).
     */
    Mono<ResponseEntity<Flux<DataBuffer>>> picture(String productId, String imageId, boolean thumbnail) {
        String route = PRODUCT + "/images/{imageId}" + (thumbnail ? "/thumbnail" : "");
        return services.as(SERVICE)
                .flatMap(client -> client.get()
                        .uri(uri -> uri.path(route).build(productId, imageId))
                        .accept(PICTURES, MediaType.APPLICATION_PROBLEM_JSON)
                        .retrieve()
                        .toEntityFlux(DataBuffer.class))
                .map(picture -> {
                    ResponseEntity.BodyBuilder answer =
                            ResponseEntity.ok().contentType(picture.getHeaders().getContentType());
                    String caching = picture.getHeaders().getCacheControl();
                    if (caching != null) {
                        answer.header(HttpHeaders.CACHE_CONTROL, caching);
                    }
                    return answer.body(picture.getBody());
                });
    }

    private Mono<ListingView> send(HttpMethod method, String productId, String part, Object body) {
        return services.send(
                SERVICE, method, uri -> uri.path(PRODUCT + part).build(productId), body, ListingView.class);
    }

    /** A body as the form gave it: what is missing stays missing, and the service says so (in a 4xx). */
    private static Map<String, String> body(String... namesAndValues) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}

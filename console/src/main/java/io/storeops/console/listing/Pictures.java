package io.storeops.console.listing;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A product's photographs for the pages' {@code <img>} tags: fetched from listing-service with the
 * signed-in person's token (a browser holds no token, and without a session gets the sign-in
 * page), so that only staff of the product's store see them. A picture the service does not have,
 * or does not show this person, is the service's 404.
 */
@Controller
class Pictures {

    private final ListingApi api;

    Pictures(ListingApi api) {
        this.api = api;
    }

    @GetMapping("/listing/{productId}/images/{imageId}")
    @ResponseBody
    Mono<ResponseEntity<Flux<DataBuffer>>> picture(@PathVariable String productId, @PathVariable String imageId) {
        return api.picture(productId, imageId, false);
    }

    @GetMapping("/listing/{productId}/images/{imageId}/thumbnail")
    @ResponseBody
    Mono<ResponseEntity<Flux<DataBuffer>>> thumbnail(@PathVariable String productId, @PathVariable String imageId) {
        return api.picture(productId, imageId, true);
    }
}

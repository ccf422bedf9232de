package io.storeops.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.listing.ProductsAtStep.At;
import io.storeops.listing.images.ImageFiles;
import io.storeops.listing.products.Listings;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.Scrapes;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What operations see of the listing flow: products per step and store, and how long reviews take by verdict. */
@ServiceTest
class ListingMetricsServiceTest {

    private static final String STORE = "tmall-metrics";
    private static final String IN_STORE = "store=\"" + STORE + "\"";

    @Autowired
    WebTestClient http;

    @Autowired
    Listings listings;

    @Autowired
    ImageFiles files;

    @Test
    void productsAreCountedByStepAndEachReviewIsTimedWithItsVerdict() {
        ProductsAtStep products = new ProductsAtStep(listings, files);
        products.product(STORE, "CNY", At.SELECTED);
        products.product(STORE, "CNY", At.SELECTED);
        String inReview = products.product(STORE, "CNY", At.RETOUCHED);

        // gauges are counted on a timer, and a slow round of counts is followed by 20 times its duration
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Scrapes.value(http, "storeops_listing_products", IN_STORE, "step=\"SELECTED\""))
                    .isEqualTo(2);
            assertThat(Scrapes.value(http, "storeops_listing_products", IN_STORE, "step=\"RETOUCHED\""))
                    .isEqualTo(1);
        });

        new ListingSteps(http)
                .send(
                        "POST",
                        "/api/listings/" + inReview + "/images/review",
                        TestTokens.bearer("wang.store-manager", StaffRole.STORE_MANAGER, STORE),
                        Map.of("verdicts", List.of(Map.of("imageId", "img-2", "verdict", "REJECTED", "comment", "太暗"))),
                        200);

        assertThat(Scrapes.value(
                        http,
                        "storeops_listing_review_time_seconds_count",
                        IN_STORE,
                        "reviewed=\"IMAGES\"",
                        "verdict=\"REJECTED\""))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                Scrapes.value(http, "storeops_listing_products", IN_STORE, "step=\"IMAGES_REJECTED\""))
                        .isEqualTo(1));
    }
}

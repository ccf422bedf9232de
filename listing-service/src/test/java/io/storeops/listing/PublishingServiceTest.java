package io.storeops.listing;

import static io.storeops.listing.ListingSteps.DESIGNER;
import static io.storeops.listing.ListingSteps.SHOPIFY;
import static io.storeops.listing.ListingSteps.STORE_MANAGER;
import static io.storeops.listing.ListingSteps.SUPERVISOR;
import static io.storeops.listing.ListingSteps.TMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.EventJson;
import io.storeops.contracts.Money;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.listing.products.ListingProperties;
import io.storeops.listing.products.Listings;
import io.storeops.listing.publishing.web.Publisher;
import io.storeops.listing.publishing.web.SimulatedStorefront;
import io.storeops.listing.publishing.web.Storefronts;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Publication to the stores' storefronts (the simulated one, as the standalone runs it) with real
 * Kafka records: each store's confirmation is recorded with the storefront's product id and
 * announced once; failures and late answers are retried and list the product once; a publication
 * that keeps failing, or is refused for good, shows as failed until staff retry it; a later page
 * version updates the same storefront product and is announced as a change.
 */
@ServiceTest
class PublishingServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    SimulatedStorefront storefront;

    @Autowired
    Listings listings;

    @Autowired
    Storefronts storefronts;

    @Autowired
    ListingProperties settings;

    @Autowired
    MeterRegistry meters;

    @Autowired
    StoreCatalog stores;

    private ListingSteps steps;

    @BeforeEach
    void steps() {
        steps = new ListingSteps(http);
    }

    @Test
    void aPublishedProductIsConfirmedByEachStorefrontAndAnnouncedOncePerStore() {
        steps.pageApproved("PUB-1");
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.LISTING_EVENTS)) {
            JsonNode publishing = publish("PUB-1");
            assertThat(publishing.get("listing").get("step").asString()).isIn("PUBLISHING", "PUBLISHED");

            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(step("PUB-1")).isEqualTo("PUBLISHED"));
            List<ConsumerRecord<String, byte[]>> published =
                    TestEvents.await(events, "PUB-1", "ListingPublished", 3, Duration.ofSeconds(3));
            assertThat(published).as("once per store").hasSize(2);
            Map<String, ListingPublished> byStore = published.stream()
                    .map(record -> EventJson.read(record.value(), ListingPublished.class))
                    .collect(Collectors.toMap(ListingPublished::storeId, event -> event));
            assertThat(byStore).containsOnlyKeys(TMALL, SHOPIFY);
            ListingPublished inShopify = byStore.get(SHOPIFY);
            assertThat(inShopify.storefrontProductId()).isEqualTo("SIM-PUB-1");
            assertThat(inShopify.pageVersion()).isEqualTo(1);
            assertThat(inShopify.detailPageVersion()).isEqualTo(1);
            assertThat(inShopify.publishedBy()).isEqualTo("li.supervisor");
            assertThat(inShopify.mainImageId()).isEqualTo("img-3");
            assertThat(inShopify.skus().get(0).price()).as("the store's price").isEqualTo(new Money(2900, "USD"));
            assertThat(inShopify.skus().get(0).packageContents()).containsExactly("茶罐", "礼盒");
            assertThat(byStore.get(TMALL).skus().get(0).price()).isEqualTo(new Money(12800, "CNY"));
        }

        JsonNode listing = product("PUB-1");
        assertThat(listing.get("pageVersion").asInt()).isEqualTo(1);
        for (JsonNode publication : listing.get("publications")) {
            assertThat(publication.get("status").asString()).isEqualTo("PUBLISHED");
            assertThat(publication.get("storefront").asString()).isEqualTo("simulated");
            assertThat(publication.get("storefrontProductId").asString()).isEqualTo("SIM-PUB-1");
        }
        assertThat(whats(listing)).contains("PUBLISH", "STORE_PUBLISHED", "PUBLISHED");
        assertThat(storefront.listed(SHOPIFY, "PUB-1")).hasValueSatisfying(sent -> {
            assertThat(sent.title()).isEqualTo("西湖龙井 PUB-1");
            assertThat(sent.pageHtml()).contains("明前特级");
            assertThat(sent.images()).extracting(image -> image.imageId()).containsExactly("img-3");
        });
    }

    @Test
    void failuresAndALateAnswerAreRetriedAndARestartInTheMiddleListsNothingTwice() {
        steps.pageApproved("PUB-2");
        storefront.failNext("PUB-2", 1);
        storefront.silenceNext("PUB-2", 1);
        double failuresBefore = failures(TMALL) + failures(SHOPIFY);

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.LISTING_EVENTS)) {
            publish("PUB-2");
            // A second process, as after a restart, looks at the same products with the same storefronts.
            new Publisher(listings, storefronts, Clock.systemUTC(), settings, meters, stores)
                    .publishDue()
                    .block();
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(step("PUB-2")).isEqualTo("PUBLISHED"));
            List<ConsumerRecord<String, byte[]>> published =
                    TestEvents.await(events, "PUB-2", "ListingPublished", 3, Duration.ofSeconds(3));
            assertThat(published).as("announced once per store").hasSize(2);
        }

        assertThat(storefront.listed(TMALL, "PUB-2")).isPresent();
        assertThat(storefront.listed(SHOPIFY, "PUB-2")).isPresent();
        assertThat(storefront.calls("PUB-2"))
                .as("a failure and a late answer, then asked again")
                .isGreaterThanOrEqualTo(4);
        assertThat(failures(TMALL) + failures(SHOPIFY) - failuresBefore)
                .as("storeops.listing.publish.failures: the failure and the late answer")
                .isGreaterThanOrEqualTo(2);
        JsonNode listing = product("PUB-2");
        assertThat(listing.get("publications"))
                .allSatisfy(publication -> assertThat(
                                publication.get("storefrontProductId").asString())
                        .isEqualTo("SIM-PUB-2"));
    }

    @Test
    void aPublicationThatKeepsFailingShowsAsFailedUntilStaffRetryIt() {
        steps.pageApproved("PUB-3");
        // Each store's attempts fail as often as storeops.listing.publish-attempts allows.
        storefront.failNext("PUB-3", 2 * settings.publishAttempts());
        double tmallFailuresBefore = failures(TMALL);

        publish("PUB-3");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(publications("PUB-3"))
                        .extracting(publication -> publication.get("status").asString())
                        .containsOnly("FAILED"));
        JsonNode failed = product("PUB-3");
        assertThat(failed.get("step").asString()).isEqualTo("PUBLISHING");
        for (JsonNode publication : failed.get("publications")) {
            assertThat(publication.get("attempts").asInt()).isEqualTo(settings.publishAttempts());
            assertThat(publication.get("lastError").asString()).contains("503");
        }
        assertThat(whats(failed)).filteredOn("PUBLISH_FAILED"::equals).hasSize(2);
        assertThat(failures(TMALL) - tmallFailuresBefore).isEqualTo((double) settings.publishAttempts());
        JsonNode board = TestHttp.read(http, "/api/listings?storeId=" + TMALL + "&step=PUBLISHING", SUPERVISOR);
        assertThat(board)
                .filteredOn(entry -> entry.get("productId").asString().equals("PUB-3"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("failedStores").toString())
                        .contains(TMALL)
                        .contains(SHOPIFY));
        int callsWhenFailed = storefront.calls("PUB-3");
        new Publisher(listings, storefronts, Clock.systemUTC(), settings, meters, stores)
                .publishDue()
                .block();
        assertThat(storefront.calls("PUB-3"))
                .as("a failed publication waits for staff")
                .isEqualTo(callsWhenFailed);
        steps.send("POST", "/api/listings/PUB-3/publication/" + TMALL + "/retry", DESIGNER, null, 403);

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.LISTING_EVENTS)) {
            steps.send("POST", "/api/listings/PUB-3/publication/" + TMALL + "/retry", SUPERVISOR, null, 200);

            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(status("PUB-3", TMALL)).isEqualTo("PUBLISHED"));
            assertThat(step("PUB-3")).as("Shopify has not confirmed yet").isEqualTo("PUBLISHING");
            steps.send("POST", "/api/listings/PUB-3/publication/" + SHOPIFY + "/retry", STORE_MANAGER, null, 200);
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(step("PUB-3")).isEqualTo("PUBLISHED"));
            assertThat(TestEvents.await(events, "PUB-3", "ListingPublished", 3, Duration.ofSeconds(3)))
                    .hasSize(2);
        }
        assertThat(whats(product("PUB-3"))).contains("PUBLISH_RETRIED");
        steps.send("POST", "/api/listings/PUB-3/publication/" + TMALL + "/retry", SUPERVISOR, null, 409);
    }

    @Test
    void aRefusalForGoodFailsAtOnceWithTheStorefrontsReason() {
        steps.pageApproved("PUB-4");
        storefront.refuseNext("PUB-4", 1);

        publish("PUB-4");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(publications("PUB-4"))
                        .extracting(publication -> publication.get("status").asString())
                        .containsExactlyInAnyOrder("FAILED", "PUBLISHED"));
        JsonNode refused = publications("PUB-4").stream()
                .filter(publication -> publication.get("status").asString().equals("FAILED"))
                .findFirst()
                .orElseThrow();
        assertThat(refused.get("attempts").asInt()).as("not asked again").isEqualTo(1);
        assertThat(refused.get("lastError").asString()).contains("422");
        String store = refused.get("storeId").asString();

        steps.send("POST", "/api/listings/PUB-4/publication/" + store + "/retry", SUPERVISOR, null, 200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(step("PUB-4")).isEqualTo("PUBLISHED"));
    }

    @Test
    void aNewPageVersionUpdatesTheSameStorefrontProductAndIsAnnouncedAsAChange() {
        steps.pageApproved("PUB-5");
        publish("PUB-5");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(step("PUB-5")).isEqualTo("PUBLISHED"));

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.LISTING_EVENTS)) {
            steps.send(
                    "PUT",
                    "/api/listings/PUB-5/detail-page",
                    DESIGNER,
                    Map.of("html", "<h2>明前特级 · 新版</h2><img src=\"image:img-4\"><img src=\"image:img-3\">"),
                    200);
            steps.send("POST", "/api/listings/PUB-5/detail-page/submission", DESIGNER, null, 200);
            steps.send(
                    "POST",
                    "/api/listings/PUB-5/detail-page/review",
                    STORE_MANAGER,
                    Map.of("verdict", "APPROVED"),
                    200);
            publish("PUB-5");

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(step("PUB-5")).isEqualTo("PUBLISHED");
                assertThat(product("PUB-5").get("pageVersion").asInt()).isEqualTo(2);
            });
            List<ConsumerRecord<String, byte[]>> changed =
                    TestEvents.await(events, "PUB-5", "ListingChanged", 3, Duration.ofSeconds(3));
            assertThat(changed).as("once per store").hasSize(2);
            ListingChanged change = EventJson.read(changed.get(0).value(), ListingChanged.class);
            assertThat(change.pageVersion()).isEqualTo(2);
            assertThat(change.detailPageVersion()).isEqualTo(2);
            assertThat(change.storefrontProductId())
                    .as("the same storefront product")
                    .isEqualTo("SIM-PUB-5");
            assertThat(change.changes()).contains("DETAIL_PAGE");
            assertThat(change.mainImageId()).isEqualTo("img-4");
        }
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.LISTING_EVENTS)) {
            assertThat(TestEvents.await(events, "PUB-5", "ListingPublished", 3, Duration.ofSeconds(3)))
                    .as("the first publication only")
                    .hasSize(2);
        }
        assertThat(storefront.listed(TMALL, "PUB-5")).hasValueSatisfying(sent -> {
            assertThat(sent.pageVersion()).isEqualTo(2);
            assertThat(sent.storefrontProductId()).as("sent as an update").isEqualTo("SIM-PUB-5");
            assertThat(sent.pageHtml()).contains("新版");
        });
    }

    @Test
    void aWithdrawnProductIsTakenDownFromEachStorefrontUntilItConfirms() {
        steps.pageApproved("PUB-9");
        publish("PUB-9");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(step("PUB-9")).isEqualTo("PUBLISHED"));
        storefront.failNext("PUB-9", 1);

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.LISTING_EVENTS)) {
            steps.send("POST", "/api/listings/PUB-9/withdrawal", SUPERVISOR, Map.of("reason", "换季下架"), 200);

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(status("PUB-9", TMALL)).isEqualTo("WITHDRAWN");
                assertThat(status("PUB-9", SHOPIFY)).isEqualTo("WITHDRAWN");
            });
            assertThat(TestEvents.await(events, "PUB-9", "ListingWithdrawn", 3, Duration.ofSeconds(3)))
                    .as("once per store it was on sale in, when staff withdrew it")
                    .hasSize(2);
        }
        assertThat(storefront.listed(TMALL, "PUB-9")).isEmpty();
        assertThat(storefront.listed(SHOPIFY, "PUB-9")).isEmpty();
        assertThat(whats(product("PUB-9"))).contains("WITHDRAWN", "STORE_WITHDRAWN");
    }

    private JsonNode publish(String productId) {
        return steps.send("POST", "/api/listings/" + productId + "/publication", SUPERVISOR, null, 200);
    }

    private JsonNode product(String productId) {
        return TestHttp.read(http, "/api/listings/" + productId, SUPERVISOR).get("listing");
    }

    private String step(String productId) {
        return product(productId).get("step").asString();
    }

    private List<JsonNode> publications(String productId) {
        List<JsonNode> all = new ArrayList<>();
        product(productId).get("publications").forEach(all::add);
        return all;
    }

    private String status(String productId, String storeId) {
        return publications(productId).stream()
                .filter(publication -> publication.get("storeId").asString().equals(storeId))
                .map(publication -> publication.get("status").asString())
                .findFirst()
                .orElseThrow();
    }

    private static List<String> whats(JsonNode listing) {
        List<String> whats = new ArrayList<>();
        listing.get("timeline").forEach(entry -> whats.add(entry.get("what").asString()));
        return whats;
    }

    private double failures(String storeId) {
        Counter counter = meters.find("storeops.listing.publish.failures")
                .tag("store", storeId)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}

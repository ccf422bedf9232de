package io.storeops.listing;

import static io.storeops.listing.ListingSteps.CS_PRESALE;
import static io.storeops.listing.ListingSteps.DESIGNER;
import static io.storeops.listing.ListingSteps.STORE_MANAGER;
import static io.storeops.listing.ListingSteps.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.Topics;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A product's way through the listing flow over HTTP, with the events it sends on real Kafka:
 * selected, its selling points read (and who has not read them), shot, retouched, reviewed with a
 * rejection and again, its detail page reviewed; the pictures stored in GridFS with thumbnails,
 * served only to the store's staff; the board shows it by step, longest waiting first.
 */
@ServiceTest
class ListingFlowServiceTest {

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    private ListingSteps steps;

    @BeforeEach
    void steps() {
        steps = new ListingSteps(http);
    }

    @Test
    void aProductGoesFromSelectionToAnApprovedPageAndEachStepIsAnnouncedOnce() {
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.LISTING_EVENTS)) {
            JsonNode selected = steps.select("FLOW-1");
            assertThat(selected.get("listing").get("step").asString()).isEqualTo("SELECTED");
            assertThat(selected.get("steps").toString()).contains("selling-points", "withdrawal");
            steps.send("POST", "/api/listings", SUPERVISOR, ListingSteps.product("FLOW-1", "西湖龙井 FLOW-1"), 200);

            steps.send("PUT", "/api/listings/FLOW-1/selling-points", SUPERVISOR, ListingSteps.CARD, 200);
            steps.upload("FLOW-1", STORE_MANAGER, "ORIGINAL", "slot", "主图1", ListingSteps.png(1200, 900), 201);
            steps.upload("FLOW-1", STORE_MANAGER, "ORIGINAL", "slot", "主图2", ListingSteps.png(800, 800), 201);
            steps.send("POST", "/api/listings/FLOW-1/originals/submission", STORE_MANAGER, null, 200);
            JsonNode retouched = steps.upload(
                    "FLOW-1", DESIGNER, "RETOUCHED", "retouchedFrom", "img-1", ListingSteps.png(800, 800), 201);
            assertThat(retouched.get("slot").asString()).isEqualTo("主图1");
            assertThat(retouched.get("version").asInt()).isEqualTo(2);
            steps.upload("FLOW-1", DESIGNER, "RETOUCHED", "retouchedFrom", "img-2", ListingSteps.png(800, 800), 201);
            steps.send("POST", "/api/listings/FLOW-1/retouched/submission", DESIGNER, null, 200);

            JsonNode rejected = steps.send(
                    "POST",
                    "/api/listings/FLOW-1/images/review",
                    STORE_MANAGER,
                    Map.of(
                            "verdicts",
                            List.of(
                                    Map.of("imageId", "img-3", "verdict", "APPROVED"),
                                    Map.of("imageId", "img-4", "verdict", "REJECTED", "comment", "背景太暗"))),
                    200);
            assertThat(rejected.get("listing").get("step").asString()).isEqualTo("IMAGES_REJECTED");
            assertThat(rejected.get("steps").toString()).doesNotContain("images/review");

            JsonNode resent = steps.upload(
                    "FLOW-1", DESIGNER, "RETOUCHED", "retouchedFrom", "img-2", ListingSteps.png(800, 800), 201);
            assertThat(resent.get("imageId").asString())
                    .as("the same picture sent again is the one kept the first time")
                    .isEqualTo("img-4");
            steps.upload("FLOW-1", DESIGNER, "RETOUCHED", "retouchedFrom", "img-2", ListingSteps.png(820, 820), 201);
            steps.send("POST", "/api/listings/FLOW-1/retouched/submission", DESIGNER, null, 200);
            steps.send(
                    "POST",
                    "/api/listings/FLOW-1/images/review",
                    STORE_MANAGER,
                    Map.of("verdicts", List.of(Map.of("imageId", "img-5", "verdict", "APPROVED"))),
                    200);
            JsonNode saved = steps.send(
                    "PUT",
                    "/api/listings/FLOW-1/detail-page",
                    DESIGNER,
                    Map.of(
                            "html",
                            "<h2>明前</h2><script>alert(1)</script><p onclick=\"x()\">好茶</p><img src=\"image:img-5\">"),
                    200);
            assertThat(saved.get("listing")
                            .get("detailPages")
                            .get(0)
                            .get("html")
                            .asString())
                    .as("cleaned of scripts and handlers")
                    .doesNotContain("script", "onclick")
                    .contains("<img src=\"image:img-5\">");
            steps.send("POST", "/api/listings/FLOW-1/detail-page/submission", DESIGNER, null, 200);
            JsonNode approved = steps.send(
                    "POST",
                    "/api/listings/FLOW-1/detail-page/review",
                    STORE_MANAGER,
                    Map.of("verdict", "APPROVED"),
                    200);
            assertThat(approved.get("listing").get("step").asString()).isEqualTo("DETAIL_PAGE_APPROVED");
            assertThat(approved.get("steps").toString()).contains("publication");

            List<ConsumerRecord<String, byte[]>> announced = TestEvents.awaitTypes(
                    events,
                    "FLOW-1",
                    Duration.ofSeconds(30),
                    "ListingDrafted",
                    "SellingPointsPublished",
                    "ImagesSubmitted",
                    "ImagesRejected",
                    "ImagesApproved",
                    "DetailPageSubmitted",
                    "DetailPageApproved");
            assertThat(TestEvents.types(announced))
                    .containsExactly(
                            "ListingDrafted",
                            "SellingPointsPublished",
                            "ImagesSubmitted",
                            "ImagesSubmitted",
                            "ImagesRejected",
                            "ImagesSubmitted",
                            "ImagesApproved",
                            "DetailPageSubmitted",
                            "DetailPageApproved");
            assertThat(TestEvents.header(announced.get(0), CloudEventHeaders.AGGREGATE))
                    .isEqualTo("listings/FLOW-1");
        }
        JsonNode timeline = steps.send("GET", "/api/listings/FLOW-1", CS_PRESALE, null, 200)
                .get("listing")
                .get("timeline");
        assertThat(timeline.get(0).get("by").asString()).isEqualTo("li.supervisor");
        assertThat(timeline.toString()).contains("IMAGES_REJECTED", "img-4: 背景太暗", "DETAIL_PAGE_APPROVED");
    }

    @Test
    void everyoneReadsTheSellingPointsAndTheSupervisorSeesWhoHasNotYet() {
        steps.select("READ-1");
        steps.send("PUT", "/api/listings/READ-1/selling-points", SUPERVISOR, ListingSteps.CARD, 200);

        JsonNode before = steps.send("GET", "/api/listings/READ-1/acknowledgements", SUPERVISOR, null, 200);
        assertThat(usernames(before.get("notRead"))).containsExactly("li.supervisor", "chen.cs", "zhou.warehouse");

        JsonNode read =
                steps.send("POST", "/api/listings/READ-1/selling-points/acknowledgement", CS_PRESALE, null, 200);
        assertThat(read.get("readByMe").asBoolean()).isTrue();
        steps.send("POST", "/api/listings/READ-1/selling-points/acknowledgement", CS_PRESALE, null, 200);
        JsonNode after = steps.send("GET", "/api/listings/READ-1/acknowledgements", SUPERVISOR, null, 200);
        assertThat(after.get("read")).hasSize(1);
        assertThat(after.get("read").get(0).get("role").asString()).isEqualTo("CS_PRESALE");
        assertThat(usernames(after.get("notRead"))).containsExactly("li.supervisor", "zhou.warehouse");

        steps.send("GET", "/api/listings/READ-1/acknowledgements", CS_PRESALE, null, 403);
        JsonNode bySku = steps.send("GET", "/api/listings/by-sku/READ-1-250", CS_PRESALE, null, 200);
        assertThat(bySku.get("listing").get("sellingPoints").get("highlights").toString())
                .contains("明前采摘");
    }

    @Test
    void staffOfEveryStoreTheProductIsSoldInReadItButOnlyItsTeamWorksOnIt() {
        steps.select("ALSO-1");
        steps.send("PUT", "/api/listings/ALSO-1/selling-points", SUPERVISOR, ListingSteps.CARD, 200);
        String usService = TestTokens.bearer("us.cs", StaffRole.CS_PRESALE, ListingSteps.SHOPIFY);
        String usManager = TestTokens.bearer("us.manager", StaffRole.STORE_MANAGER, ListingSteps.SHOPIFY);

        assertThat(steps.send("GET", "/api/listings/by-sku/ALSO-1-250", usService, null, 200)
                        .get("listing")
                        .get("productId")
                        .asString())
                .isEqualTo("ALSO-1");
        steps.send("POST", "/api/listings/ALSO-1/selling-points/acknowledgement", usService, null, 200);
        JsonNode refused = steps.send(
                "PUT", "/api/listings/ALSO-1/selling-points", usManager, Map.of("highlights", List.of("改")), 403);
        assertThat(refused.get("type").asString()).endsWith("store-forbidden");
    }

    @Test
    void picturesAndThumbnailsAreStoredAndServedOnlyToTheStoresStaff() throws IOException {
        steps.shot("PIC-1");

        byte[] original = http.get()
                .uri("/api/listings/PIC-1/images/img-1")
                .header(HttpHeaders.AUTHORIZATION, CS_PRESALE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("image/png")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(original).isEqualTo(ListingSteps.png(800, 800));
        byte[] thumbnail = http.get()
                .uri("/api/listings/PIC-1/images/img-1/thumbnail")
                .header(HttpHeaders.AUTHORIZATION, CS_PRESALE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(small.getWidth()).isEqualTo(240);

        String otherStore = TestTokens.bearer("jd.cs", StaffRole.CS_PRESALE, "jd-elsewhere");
        http.get()
                .uri("/api/listings/PIC-1/images/img-1")
                .header(HttpHeaders.AUTHORIZATION, otherStore)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/listings/PIC-1/images/img-1")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void theBoardShowsEachProductByStepLongestWaitingFirst() {
        steps.select("BOARD-1");
        steps.select("BOARD-2");
        steps.send("PUT", "/api/listings/BOARD-1/selling-points", SUPERVISOR, ListingSteps.CARD, 200);

        JsonNode board =
                steps.send("GET", "/api/listings?storeId=tmall-flagship&step=SELECTED", STORE_MANAGER, null, 200);
        List<String> selected = board.valueStream()
                .map(entry -> entry.get("productId").asString())
                .filter(id -> id.startsWith("BOARD-"))
                .toList();
        assertThat(selected).containsExactly("BOARD-2");
        JsonNode all =
                steps.send("GET", "/api/listings?step=SELECTED,SELLING_POINTS_PUBLISHED", STORE_MANAGER, null, 200);
        List<Instant> waiting = all.valueStream()
                .map(entry -> Instant.parse(entry.get("stepSince").asString()))
                .toList();
        assertThat(waiting).isSorted();
        steps.send("GET", "/api/listings?step=NOPE", STORE_MANAGER, null, 400);
    }

    private static List<String> usernames(JsonNode members) {
        return members.valueStream()
                .map(member -> member.get("username").asString())
                .toList();
    }
}

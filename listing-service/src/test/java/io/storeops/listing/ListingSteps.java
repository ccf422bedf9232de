package io.storeops.listing;

import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.TestTokens;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * The listing flow's steps over HTTP, as the department's people take them, for the tests that
 * need a product at some step: each returns the product as the service answers it.
 */
public final class ListingSteps {

    public static final String TMALL = "tmall-flagship";
    public static final String SHOPIFY = "shopify-us";
    public static final String SUPERVISOR = TestTokens.bearer("li.supervisor", StaffRole.SUPERVISOR, TMALL, SHOPIFY);
    public static final String STORE_MANAGER =
            TestTokens.bearer("wang.store-manager", StaffRole.STORE_MANAGER, TMALL, SHOPIFY);
    public static final String DESIGNER = TestTokens.bearer("zhao.designer", StaffRole.DESIGNER, TMALL, SHOPIFY);
    public static final String CS_PRESALE = TestTokens.bearer("chen.cs", StaffRole.CS_PRESALE, TMALL);

    private final WebTestClient http;

    public ListingSteps(WebTestClient http) {
        this.http = http;
    }

    /** A product of {@code spu} with two SKUs sold in both stores (SKU codes {@code <spu>-250}, {@code <spu>-500}). */
    public static Map<String, Object> product(String spu, String title) {
        return Map.of(
                "spuCode",
                spu,
                "title",
                title,
                "stores",
                List.of(TMALL, SHOPIFY),
                "skus",
                List.of(
                        sku(spu + "-250", "250 g", 12800, 2900, List.of("茶罐", "礼盒")),
                        sku(spu + "-500", "500 g", 23800, 4900, List.of("茶罐 ×2", "礼盒", "手提袋"))),
                "positioning",
                Map.of("targetBuyer", "办公室白领", "priceBand", "100-300", "season", "春季"));
    }

    static Map<String, Object> sku(
            String code, String variant, long yuanMinor, long dollarMinor, List<String> contents) {
        return Map.of(
                "sku",
                code,
                "variant",
                variant,
                "prices",
                List.of(
                        Map.of("storeId", TMALL, "price", Map.of("amountMinor", yuanMinor, "currency", "CNY")),
                        Map.of("storeId", SHOPIFY, "price", Map.of("amountMinor", dollarMinor, "currency", "USD"))),
                "packageContents",
                contents);
    }

    public static final Map<String, Object> CARD = Map.of(
            "highlights",
            List.of("明前采摘", "一芽一叶"),
            "materials",
            "龙井43 茶树",
            "care",
            "密封冷藏",
            "answers",
            List.of(Map.of("question", "保质期多久?", "answer", "18 个月")));

    public JsonNode select(String spu) {
        return send("POST", "/api/listings", SUPERVISOR, product(spu, "西湖龙井 " + spu), 201);
    }

    /** The product selected, its selling points out, its two originals shot and handed on. */
    public JsonNode shot(String spu) {
        select(spu);
        send("PUT", "/api/listings/" + spu + "/selling-points", SUPERVISOR, CARD, 200);
        upload(spu, STORE_MANAGER, "ORIGINAL", "slot", "主图1", png(800, 800), 201);
        upload(spu, STORE_MANAGER, "ORIGINAL", "slot", "主图2", png(800, 800), 201);
        return send("POST", "/api/listings/" + spu + "/originals/submission", STORE_MANAGER, null, 200);
    }

    /** Then retouched (img-3 of img-1, img-4 of img-2) and approved by the store manager. */
    public JsonNode imagesApproved(String spu) {
        shot(spu);
        upload(spu, DESIGNER, "RETOUCHED", "retouchedFrom", "img-1", png(800, 800), 201);
        upload(spu, DESIGNER, "RETOUCHED", "retouchedFrom", "img-2", png(800, 800), 201);
        send("POST", "/api/listings/" + spu + "/retouched/submission", DESIGNER, null, 200);
        return send(
                "POST",
                "/api/listings/" + spu + "/images/review",
                STORE_MANAGER,
                Map.of(
                        "verdicts",
                        List.of(
                                Map.of("imageId", "img-3", "verdict", "APPROVED"),
                                Map.of("imageId", "img-4", "verdict", "APPROVED"))),
                200);
    }

    /** Then its detail page written, submitted and approved: ready to publish. */
    public JsonNode pageApproved(String spu) {
        imagesApproved(spu);
        send(
                "PUT",
                "/api/listings/" + spu + "/detail-page",
                DESIGNER,
                Map.of("html", "<h2>明前特级</h2><p>清明前采摘</p><img src=\"image:img-3\">"),
                200);
        send("POST", "/api/listings/" + spu + "/detail-page/submission", DESIGNER, null, 200);
        return send(
                "POST",
                "/api/listings/" + spu + "/detail-page/review",
                STORE_MANAGER,
                Map.of("verdict", "APPROVED"),
                200);
    }

    /** {@code body} (JSON, none when null) sent by {@code bearer}; the answer's status must be {@code status}. */
    public JsonNode send(String method, String uri, String bearer, Object body, int status) {
        WebTestClient.RequestBodySpec request = http.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer);
        WebTestClient.RequestHeadersSpec<?> ready = body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** A picture uploaded as {@code stage}, with {@code part} ({@code slot} or {@code retouchedFrom}) set to {@code value}. */
    public JsonNode upload(
            String spu, String bearer, String stage, String part, String value, byte[] file, int status) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "photo.png";
            }
        });
        parts.part("stage", stage);
        parts.part(part, value);
        return http.post()
                .uri("/api/listings/" + spu + "/images")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** A PNG photograph of {@code width}×{@code height} pixels. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = image.createGraphics();
        canvas.setColor(new Color(0x3c7a4a));
        canvas.fillRect(0, 0, width, height);
        canvas.setColor(Color.WHITE);
        canvas.fillOval(width / 4, height / 4, width / 2, height / 2);
        canvas.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }
}

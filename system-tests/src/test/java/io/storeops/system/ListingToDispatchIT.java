package io.storeops.system;

import static io.storeops.system.StandaloneSystem.json;
import static io.storeops.system.StandaloneSystem.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A product's way from selection to a buyer's parcel through the running standalone, over HTTP only
 * and with each role's own token: selected with its package contents, its selling points read, shot,
 * retouched and reviewed, its detail page approved and published to the (simulated) storefront;
 * then sold, and at the warehouse its parcel's checklist holds the accessories the listing names,
 * a check that finds one missing holds the parcel, and a complete check lets it go to the carrier.
 */
class ListingToDispatchIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PRODUCT = "SYS-BLC";
    private static final String SKU = "SYS-BLC-100";
    private static final String ORDER = "tmall-flagship:T20261130-0042";
    private static final String SHIPMENT = "shp-" + ORDER;

    @RegisterExtension
    static final StandaloneSystem system = StandaloneSystem.forTestClass();

    @Test
    void aProductIsListedSoldAndItsAccessoriesAreCheckedAtDispatch() throws IOException {
        String supervisor = system.token("SUPERVISOR");
        String storeManager = system.token("STORE_MANAGER");
        String designer = system.token("DESIGNER");
        int listing = system.listingPort();

        expect(201, system.postJson(listing, "/api/listings", supervisor, """
                {"spuCode":"SYS-BLC","title":"洞庭碧螺春 100g","stores":["tmall-flagship"],
                 "skus":[{"sku":"SYS-BLC-100","variant":"100 g","packageContents":["茶罐","说明书"],
                          "prices":[{"storeId":"tmall-flagship","price":{"amountMinor":9800,"currency":"CNY"}}]}]}
                """));
        expect(200, system.putJson(listing, "/api/listings/SYS-BLC/selling-points", supervisor, """
                {"highlights":["明前采摘","卷曲成螺"],"answers":[{"question":"怎么泡?","answer":"75℃ 上投法"}]}
                """));
        expect(
                200,
                system.postJson(
                        listing,
                        "/api/listings/SYS-BLC/selling-points/acknowledgement",
                        system.token("CS_PRESALE"),
                        "{}"));
        expect(201, upload(storeManager, Map.of("stage", "ORIGINAL", "slot", "主图1")));
        expect(200, system.postJson(listing, "/api/listings/SYS-BLC/originals/submission", storeManager, "{}"));
        expect(201, upload(designer, Map.of("stage", "RETOUCHED", "retouchedFrom", "img-1")));
        expect(200, system.postJson(listing, "/api/listings/SYS-BLC/retouched/submission", designer, "{}"));
        expect(200, system.postJson(listing, "/api/listings/SYS-BLC/images/review", storeManager, """
                {"verdicts":[{"imageId":"img-2","verdict":"APPROVED"}]}
                """));
        expect(200, system.putJson(listing, "/api/listings/SYS-BLC/detail-page", designer, """
                {"html":"<h2>洞庭碧螺春</h2><p>卷曲成螺，满身披毫。</p><img src=\\"image:img-2\\">"}
                """));
        expect(200, system.postJson(listing, "/api/listings/SYS-BLC/detail-page/submission", designer, "{}"));
        expect(
                200,
                system.postJson(
                        listing,
                        "/api/listings/SYS-BLC/detail-page/review",
                        storeManager,
                        "{\"verdict\":\"APPROVED\"}"));
        expect(200, system.postJson(listing, "/api/listings/SYS-BLC/publication", supervisor, "{}"));
        await().atMost(PATIENCE)
                .until(() -> json(system.get(listing, "/api/listings/SYS-BLC", supervisor))
                        .get("listing")
                        .get("step")
                        .asString()
                        .equals("PUBLISHED"));

        String warehouse = system.token("WAREHOUSE");
        int fulfillment = system.fulfillmentPort();
        expect(
                200,
                system.putJson(
                        fulfillment,
                        "/api/stock/tmall-flagship/" + SKU,
                        warehouse,
                        "{\"onHand\":5,\"reason\":\"count\"}"));
        String paid = """
                {"orderId":"T20261130-0042","currency":"CNY","totalMinor":9800,"shippingFeeMinor":0,
                 "lines":[{"sku":"SYS-BLC-100","title":"碧螺春","quantity":1,"unitPriceMinor":9800}],
                 "shippingAddress":{"name":"王芳","phone":"13800138000","country":"CN","province":"浙江省","city":"杭州市",
                                    "district":"西湖区","line1":"文三路 90 号","postalCode":"310012"}}
                """;
        assertThat(status(system.send(Storefronts.nativeOrderPaid(
                        system.uri(system.orderPort(), "/"), "evt-listing-1", paid, Storefronts.TMALL_SECRET))))
                .isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> system.get(fulfillment, "/api/shipments/" + SHIPMENT, warehouse)
                        .body()
                        .contains("\"status\":\"READY\""));

        JsonNode checklist = json(system.get(fulfillment, "/api/shipments/" + SHIPMENT, warehouse))
                .get("checklist")
                .get(0);
        assertThat(checklist.get("title").asString()).isEqualTo("洞庭碧螺春 100g");
        assertThat(checklist.get("accessories").toString()).contains("茶罐", "说明书");
        HttpResponse<String> mismatch = system.postJson(
                fulfillment,
                "/api/shipments/" + SHIPMENT + "/inspection",
                warehouse,
                "{\"missing\":[{\"sku\":\"SYS-BLC-100\",\"item\":\"说明书\"}]}");
        assertThat(status(mismatch)).as(mismatch.body()).isEqualTo(200);
        assertThat(status(dispatch(fulfillment, warehouse)))
                .as("held by the mismatch")
                .isEqualTo(409);
        expect(
                200,
                system.postJson(
                        fulfillment, "/api/shipments/" + SHIPMENT + "/inspection", warehouse, "{\"complete\":true}"));
        expect(200, dispatch(fulfillment, warehouse));

        JsonNode line = json(system.get(system.orderPort(), "/api/orders/" + ORDER, system.token("CS_PRESALE")))
                .get("lines")
                .get(0);
        assertThat(line.get("productId").asString()).isEqualTo(PRODUCT);
        assertThat(line.get("productTitle").asString()).isEqualTo("洞庭碧螺春 100g");
        assertThat(line.get("imageId").asString()).isEqualTo("img-2");
    }

    private HttpResponse<String> dispatch(int fulfillment, String warehouse) {
        return system.postJson(
                fulfillment,
                "/api/shipments/" + SHIPMENT + "/dispatch",
                warehouse,
                "{\"carrier\":\"SF\",\"trackingNumber\":\"SF2026113000042\"}");
    }

    private HttpResponse<String> upload(String bearer, Map<String, String> fields) throws IOException {
        return system.postFile(
                system.listingPort(),
                "/api/listings/" + PRODUCT + "/images",
                bearer,
                fields,
                "photo.png",
                photograph());
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(status(response)).as(response.body()).isEqualTo(status);
    }

    private static byte[] photograph() throws IOException {
        BufferedImage image = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = image.createGraphics();
        canvas.setColor(new Color(0x4f7942));
        canvas.fillRect(0, 0, 800, 800);
        canvas.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

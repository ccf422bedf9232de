package io.storeops.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * An existing catalogue imported over HTTP: StoreOps' own and Shopify's sample files become
 * products in the listing flow, the same file again changes nothing, an edited file edits, and a
 * product the file or the flow refuses is reported with its rows while the others go in.
 */
@ServiceTest
class CatalogueImportServiceTest {

    private static final String ROUTE = "/api/listings/catalogue";
    private static final String SUPERVISOR =
            TestTokens.bearer("li.supervisor", StaffRole.SUPERVISOR, "tmall-flagship", "shopify-us");

    @Autowired
    WebTestClient http;

    @Test
    void theSampleCatalogueBecomesProductsAndImportingItAgainChangesNothing() throws IOException {
        byte[] sample = Files.readAllBytes(Path.of("../docs/samples/catalogue.csv"));

        JsonNode first = imported("catalogue.csv", sample, null, null);

        assertThat(texts(first.get("created"))).containsExactly("LJ-2026", "BLC-2026", "TS-GLASS");
        assertThat(first.get("refused").size()).isZero();
        JsonNode longjing =
                TestHttp.read(http, "/api/listings/LJ-2026", SUPERVISOR).get("listing");
        assertThat(longjing.get("title").asText()).isEqualTo("2026新茶 西湖龙井 明前特级");
        assertThat(longjing.get("step").asText()).isEqualTo("SELECTED");
        assertThat(texts(longjing.get("stores"))).containsExactly("tmall-flagship", "shopify-us");
        JsonNode gift = longjing.get("skus").get(0);
        assertThat(gift.get("sku").asText()).isEqualTo("LJ-2026-250G");
        assertThat(gift.at("/prices/0/price/amountMinor").asLong()).isEqualTo(39800);
        assertThat(gift.at("/prices/1/price/amountMinor").asLong()).isEqualTo(5900);
        assertThat(gift.at("/prices/1/price/currency").asText()).isEqualTo("USD");
        assertThat(texts(gift.get("packageContents"))).containsExactly("茶叶罐", "手提袋", "品鉴卡");
        assertThat(longjing.at("/positioning/season").asText()).isEqualTo("春季");
        int timeline = longjing.get("timeline").size();

        JsonNode again = imported("catalogue.csv", sample, null, null);

        assertThat(again.get("created").size()).isZero();
        assertThat(again.get("updated").size()).isZero();
        assertThat(texts(again.get("unchanged"))).containsExactly("LJ-2026", "BLC-2026", "TS-GLASS");
        assertThat(TestHttp.read(http, "/api/listings/LJ-2026", SUPERVISOR)
                        .at("/listing/timeline")
                        .size())
                .isEqualTo(timeline);
    }

    @Test
    void theSampleShopifyExportBecomesTheStoresProductsWithTheirVariants() throws IOException {
        byte[] sample = Files.readAllBytes(Path.of("../docs/samples/shopify-products.csv"));

        JsonNode report = imported("products_export.csv", sample, "shopify", "shopify-us");

        assertThat(report.get("format").asText()).isEqualTo("SHOPIFY");
        assertThat(texts(report.get("created"))).containsExactly("jasmine-dragon-pearls", "celadon-gaiwan-set");
        assertThat(report.get("skippedRows").asLong()).isEqualTo(3);
        JsonNode pearls = TestHttp.read(http, "/api/listings/jasmine-dragon-pearls", SUPERVISOR)
                .get("listing");
        assertThat(pearls.get("storeId").asText()).isEqualTo("shopify-us");
        assertThat(pearls.get("skus").size()).isEqualTo(3);
        assertThat(pearls.at("/skus/2/variant").asText()).isEqualTo("100g / Refill pouch");
        assertThat(pearls.at("/skus/2/prices/0/price/amountMinor").asLong()).isEqualTo(2900);

        JsonNode again = imported("products_export.csv", sample, "shopify", "shopify-us");
        assertThat(texts(again.get("unchanged"))).containsExactly("jasmine-dragon-pearls", "celadon-gaiwan-set");
    }

    @Test
    void aRefusedProductIsReportedWithItsRowsWhileTheOthersGoIn() {
        String good = "GOOD-" + suffix();
        String bad = "BAD-" + suffix();
        String taker = "TAKE-" + suffix();
        String csv = "商品编码,商品标题,商家编码,规格,价格(tmall-flagship)\n"
                + good + ",好茶," + good + "-1,50g,10.00\n"
                + bad + ",坏茶," + bad + "-1,50g,abc\n"
                + good + ",," + good + "-2,100g,18.00\n"
                + bad + ",," + bad + "-2,100g,12.00\n";

        JsonNode report = imported("catalogue.csv", csv.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(report.get("products").asInt()).isEqualTo(2);
        assertThat(texts(report.get("created"))).containsExactly(good);
        JsonNode refused = report.get("refused").get(0);
        assertThat(refused.get("spuCode").asText()).isEqualTo(bad);
        assertThat(refused.get("type").asText()).isEqualTo("unreadable-rows");
        assertThat(longs(refused.get("lines"))).containsExactly(3L, 5L);
        assertThat(refused.at("/problems/0/line").asLong()).isEqualTo(3);
        assertThat(refused.at("/problems/0/column").asText()).isEqualTo("价格(tmall-flagship)");
        assertThat(refused.at("/problems/0/reason").asText()).contains("\"abc\" is not a number");
        notFound("/api/listings/" + bad);

        // the good product's price edited; another product claiming its SKU is refused on that SKU's row
        String edited = "商品编码,商品标题,商家编码,规格,价格(tmall-flagship)\n"
                + good + ",好茶," + good + "-1,50g,11.00\n"
                + good + ",," + good + "-2,100g,18.00\n"
                + taker + ",抢编码," + taker + "-1,,9.00\n"
                + taker + ",," + good + "-2,,9.00\n";
        JsonNode second = imported("catalogue.csv", edited.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(texts(second.get("updated"))).containsExactly(good);
        assertThat(second.at("/refused/0/spuCode").asText()).isEqualTo(taker);
        assertThat(second.at("/refused/0/type").asText()).isEqualTo("sku-taken");
        assertThat(second.at("/refused/0/problems/0/line").asLong()).isEqualTo(5);
        assertThat(TestHttp.read(http, "/api/listings/" + good, SUPERVISOR)
                        .at("/listing/skus/0/prices/0/price/amountMinor")
                        .asLong())
                .isEqualTo(1100);
        notFound("/api/listings/" + taker);
    }

    @Test
    void aFileThatIsNoCatalogueIsAProblemNamingTheColumn() {
        upload("catalogue.csv", "商品编码,商品标题,价格(tmall-flagship)\nA,茶,1\n".getBytes(StandardCharsets.UTF_8), null, null)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .value(type -> assertThat(type.toString()).endsWith("file-refused"))
                .jsonPath("$.reason")
                .isEqualTo("MISSING_COLUMN")
                .jsonPath("$.column")
                .isEqualTo("商家编码/SKU");
        upload("catalogue.csv", new byte[0], null, null).expectStatus().isEqualTo(400);
        upload(
                        "catalogue.csv",
                        "SPU,SKU,price:tmall-flagship\nA,A-1,1\n".getBytes(StandardCharsets.UTF_8),
                        "shopify",
                        null)
                .expectStatus()
                .isEqualTo(400);
        upload(
                        "catalogue.csv",
                        "SPU,SKU,price:shopify-us\nA,A-1,1\n".getBytes(StandardCharsets.UTF_8),
                        null,
                        null,
                        TestTokens.bearer("wang.manager", StaffRole.STORE_MANAGER, "tmall-flagship"))
                .expectStatus()
                .isForbidden();
        upload(
                        "catalogue.csv",
                        "SPU,SKU,price:tmall-flagship\nA,A-1,1\n".getBytes(StandardCharsets.UTF_8),
                        null,
                        null,
                        TestTokens.bearer("chen.cs", StaffRole.CS_PRESALE, "tmall-flagship"))
                .expectStatus()
                .isForbidden();
    }

    private JsonNode imported(String name, byte[] content, String format, String storeId) {
        return upload(name, content, format, storeId)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec upload(String name, byte[] content, String format, String storeId) {
        return upload(name, content, format, storeId, SUPERVISOR);
    }

    private WebTestClient.ResponseSpec upload(
            String name, byte[] content, String format, String storeId, String bearer) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        if (format != null) {
            parts.part("format", format);
        }
        if (storeId != null) {
            parts.part("storeId", storeId);
        }
        return http.post()
                .uri(ROUTE)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange();
    }

    private void notFound(String uri) {
        http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, SUPERVISOR)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> longs = new ArrayList<>();
        array.forEach(node -> longs.add(node.asLong()));
        return longs;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}

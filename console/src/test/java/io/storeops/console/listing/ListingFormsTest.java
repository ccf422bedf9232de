package io.storeops.console.listing;

import static io.storeops.console.SignedIn.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.console.desk.Desk;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.listing.ListingModel.Answer;
import io.storeops.console.listing.ListingModel.SellingPoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The listing forms as typed and as sent, the detail page's preview, and what each role is offered. */
class ListingFormsTest {

    private static final Map<String, DeskStore> STORES = Map.of(
            "tmall-flagship", new DeskStore("tmall-flagship", "天猫旗舰店", "CNY", "Asia/Shanghai", Map.of()),
            "shopify-us", new DeskStore("shopify-us", "Shopify US", "USD", "America/New_York", Map.of()));

    @Test
    void aProductFormIsSentWithItsFilledRowsInMinorUnitsAndTheStoreRunningItFirst() {
        ProductForm typed = ProductForm.read(form(
                "spuCode", " LJ-2026 ",
                "title", "西湖龙井",
                "home", "shopify-us",
                "alsoIn", "tmall-flagship",
                "alsoIn", "shopify-us",
                "sku.0", "TEA-LJ-250",
                "price.0.tmall-flagship", "1,280",
                "price.0.shopify-us", "$29.90",
                "contents.0", "茶罐；礼盒\n说明书",
                "sku.1", "",
                "price.1.tmall-flagship", ""));

        Map<String, Object> sheet = typed.sheet(STORES);

        assertThat(sheet)
                .containsEntry("spuCode", "LJ-2026")
                .containsEntry("stores", List.of("shopify-us", "tmall-flagship"));
        assertThat((List<?>) sheet.get("skus")).hasSize(1);
        assertThat(sheet.get("skus").toString())
                .contains("amountMinor=128000", "currency=CNY", "amountMinor=2990", "currency=USD")
                .contains("packageContents=[茶罐, 礼盒, 说明书]");
        assertThat(typed.alsoSoldIn("tmall-flagship")).isTrue();
        assertThat(typed.alsoSoldIn("shopify-us")).isFalse(); // it runs the listing
        assertThat(typed.withMoreRows().rows()).hasSize(2 + ProductForm.BLANK_ROWS);
    }

    @Test
    void aPriceThatIsNotAnAmountOfItsStoresCurrencyIsRefusedBeforeAnythingIsSent() {
        ProductForm typed = ProductForm.read(
                form("spuCode", "X", "home", "tmall-flagship", "sku.0", "A", "price.0.tmall-flagship", "1.234"));

        assertThatThrownBy(() -> typed.sheet(STORES)).isInstanceOfSatisfying(FormUnreadable.class, unreadable -> {
            assertThat(unreadable.key()).isEqualTo("listing.form.notAnAmount");
            assertThat(unreadable.args()).containsExactly(1, "天猫旗舰店", "1.234", "CNY");
        });
    }

    @Test
    void theCardEditorSendsTheLinesAndPairsThatWereFilledIn() {
        CardForm card = CardForm.read(form(
                "highlights", "明前采摘\n\n 一芽一叶 ",
                "materials", "龙井43",
                "sizesAndFit", "",
                "care", "密封冷藏",
                "question.0", "保质期多久?",
                "answer.0", "18 个月",
                "question.1", "",
                "answer.1", ""));

        assertThat(card.card())
                .containsEntry("highlights", List.of("明前采摘", "一芽一叶"))
                .containsEntry("answers", List.of(Map.of("question", "保质期多久?", "answer", "18 个月")));
        SellingPoints published =
                new SellingPoints(2, List.of("明前采摘"), null, null, null, List.of(new Answer("Q", "A")), "li", null);
        assertThat(CardForm.of(published).answers()).hasSize(1 + CardForm.BLANK_ANSWERS);
        assertThat(CardForm.of(null).highlights()).isEmpty();
    }

    @Test
    void thePreviewIsCleanedAsTheServiceCleansAndShowsThePicturesThroughTheConsole() {
        DetailPageHtml.Preview preview = DetailPageHtml.of(
                "LJ-2026",
                "<h2 onclick=\"x()\">好茶</h2><iframe src=\"https://elsewhere.example\"></iframe>"
                        + "<img src=\"image:img-3\"><img src=\"javascript:alert(1)\"><img src=\"image:img-9\" alt=\"新\">"
                        + "<a href=\"javascript:alert(2)\">link</a>",
                List.of("img-3"));

        assertThat(preview.html())
                .contains("<h2>好茶</h2>", "<img src=\"/listing/LJ-2026/images/img-3\" alt=\"img-3\">")
                .contains("<img src=\"/listing/LJ-2026/images/img-9\" alt=\"新\">")
                .doesNotContain("iframe", "javascript", "onclick", "elsewhere");
        assertThat(preview.imageIds()).containsExactly("img-3", "img-9");
        assertThat(preview.notApproved()).containsExactly("img-9");
        assertThat(DetailPageHtml.of("LJ-2026", "  ", List.of()).isEmpty()).isTrue();
    }

    @Test
    void eachRoleIsOfferedWhatListingServiceAllowsIt() {
        ListingDesk listingDesk = new ListingDesk();
        Desk designer = new Desk("zhao", List.of("DESIGNER"), List.of(), List.of());
        Desk customerService = new Desk("chen", List.of("CS_PRESALE"), List.of(), List.of());
        Desk operator = new Desk("ops", List.of("OPERATOR"), List.of(), List.of());

        assertThat(List.of("SEE", "SHOOT", "RETOUCH", "DISCUSS_IMAGES"))
                .allMatch(action -> listingDesk.may(designer, action));
        assertThat(List.of("SELECT", "PUBLISH", "FOLLOW_UP")).noneMatch(action -> listingDesk.may(designer, action));
        assertThat(listingDesk.sees(customerService)).isTrue();
        assertThat(listingDesk.may(customerService, "DISCUSS_IMAGES")).isFalse();
        assertThat(listingDesk.sees(operator)).isFalse();
    }
}

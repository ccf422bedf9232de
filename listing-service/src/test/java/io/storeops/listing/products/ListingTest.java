package io.storeops.listing.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.listing.DetailPageRejected;
import io.storeops.contracts.events.listing.ImagesApproved;
import io.storeops.contracts.events.listing.ImagesRejected;
import io.storeops.contracts.events.listing.ImagesSubmitted;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingDrafted;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.ListingWithdrawn;
import io.storeops.contracts.events.listing.SellingPointsPublished;
import io.storeops.platform.outbox.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The product's whole flow in plain Java: what each step records, announces and refuses. */
class ListingTest {

    static final String TMALL = "tmall-flagship";
    static final String SHOPIFY = "shopify-us";
    static final Map<String, String> CURRENCIES = Map.of(TMALL, "CNY", SHOPIFY, "USD");
    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");

    static ProductSheet tea() {
        return ProductRules.checked(
                new ProductSheet(
                        "TEA-LJ",
                        "西湖龙井 明前特级",
                        List.of(TMALL, SHOPIFY),
                        List.of(
                                new Sku(
                                        "TEA-LJ-250",
                                        "250 g",
                                        List.of(
                                                new StorePrice(TMALL, new Money(12800, "CNY")),
                                                new StorePrice(SHOPIFY, new Money(2900, "USD"))),
                                        List.of("茶罐", "礼盒")),
                                new Sku(
                                        "TEA-LJ-500",
                                        "500 g",
                                        List.of(
                                                new StorePrice(TMALL, new Money(23800, "CNY")),
                                                new StorePrice(SHOPIFY, new Money(4900, "USD"))),
                                        List.of("茶罐 ×2", "礼盒", "手提袋"))),
                        new Positioning("办公室白领", "100-300", "春季", null)),
                CURRENCIES);
    }

    static final SellingPoints.Card CARD = new SellingPoints.Card(
            List.of("明前采摘", "一芽一叶"), "龙井43", null, "密封冷藏", List.of(new SellingPoints.Answer("保质期?", "18 个月")));

    static ProductImage.Upload upload(ImageStage stage, String slot, String from, String fileId) {
        return new ProductImage.Upload(
                slot, stage, from, fileId, fileId + "-thumb", "sha-" + fileId, "image/png", 2048, 800, 800);
    }

    @Test
    void selectingAnnouncesTheDraftOnceAndRefusesAnotherProductUnderTheSameCode() {
        Change<Listing> selected = Listing.select(Optional.empty(), tea(), "li.supervisor", T0);

        assertThat(selected.state().step()).isEqualTo(ListingStep.SELECTED);
        assertThat(selected.state().storeId()).isEqualTo(TMALL);
        assertThat(selected.events())
                .containsExactly(new ListingDrafted(
                        "TEA-LJ",
                        TMALL,
                        "TEA-LJ",
                        "西湖龙井 明前特级",
                        List.of("TEA-LJ-250", "TEA-LJ-500"),
                        List.of(TMALL, SHOPIFY),
                        "li.supervisor",
                        T0));
        assertThat(Listing.select(Optional.of(selected.state()), tea(), "li.supervisor", T0.plusSeconds(5))
                        .isNone())
                .isTrue();
        ProductSheet other = new ProductSheet("TEA-LJ", "另一个", tea().stores(), tea().skus(), tea().positioning());
        assertThatThrownBy(() -> Listing.select(Optional.of(selected.state()), other, "li.supervisor", T0))
                .isInstanceOfSatisfying(
                        ListingConflict.class,
                        conflict -> assertThat(conflict.kind()).isEqualTo("product-exists"));
    }

    @Test
    void everyoneAcknowledgesEachVersionOfTheSellingPointsOnce() {
        Listing listing = selectedWithCard();
        assertThat(listing.sellingPoints().version()).isEqualTo(1);

        Listing read =
                listing.acknowledge("chen.cs", "CS_PRESALE", T0.plusSeconds(60)).state();
        assertThat(read.readBy("chen.cs")).isTrue();
        assertThat(read.acknowledge("chen.cs", "CS_PRESALE", T0.plusSeconds(70)).isNone())
                .isTrue();

        Change<Listing> second = read.publishSellingPoints(
                new SellingPoints.Card(CARD.highlights(), CARD.materials(), "250 g 一罐", CARD.care(), CARD.answers()),
                "li.supervisor",
                T0.plusSeconds(120));
        assertThat(second.events())
                .containsExactly(new SellingPointsPublished("TEA-LJ", TMALL, 2, "li.supervisor", T0.plusSeconds(120)));
        assertThat(second.state().readBy("chen.cs"))
                .as("a new version is read again")
                .isFalse();
        assertThat(second.state().step()).isEqualTo(ListingStep.SELLING_POINTS_PUBLISHED);
        assertThat(read.publishSellingPoints(CARD, "li.supervisor", T0.plusSeconds(130))
                        .isNone())
                .as("the same card again")
                .isTrue();
    }

    @Test
    void aRejectedImageGoesBackToRetouchingAndOnlyItsNewVersionIsReviewedAgain() {
        Listing retouched = retouched();
        assertThat(retouched.underReview()).containsExactly("img-3", "img-4");

        Change<Listing> review = retouched.reviewImages(
                List.of(
                        new Listing.ImageVerdict("img-3", Verdict.APPROVED, null),
                        new Listing.ImageVerdict("img-4", Verdict.REJECTED, "盖子有划痕")),
                "wang.store-manager",
                T0.plusSeconds(600));

        assertThat(review.state().step()).isEqualTo(ListingStep.IMAGES_REJECTED);
        assertThat(review.events())
                .containsExactly(new ImagesRejected(
                        "TEA-LJ", TMALL, List.of("img-4"), "wang.store-manager", T0.plusSeconds(600)));
        assertThat(review.state().image("img-4").orElseThrow().review().comment())
                .isEqualTo("盖子有划痕");
        assertThatThrownBy(() -> review.state().submitRetouched("zhao.designer", T0.plusSeconds(700)))
                .as("the rejected slot needs a new version first")
                .isInstanceOfSatisfying(
                        ListingConflict.class,
                        conflict -> assertThat(conflict.kind()).isEqualTo("images-rejected"));

        Listing again = review.state()
                .addImage(
                        "img-5",
                        upload(ImageStage.RETOUCHED, null, "img-2", "f5"),
                        "zhao.designer",
                        T0.plusSeconds(800))
                .state();
        assertThat(again.image("img-5").orElseThrow().version())
                .as("the slot's third picture")
                .isEqualTo(3);
        Change<Listing> resubmitted = again.submitRetouched("zhao.designer", T0.plusSeconds(900));
        assertThat(resubmitted.state().underReview()).containsExactly("img-5");

        Change<Listing> approved = resubmitted
                .state()
                .reviewImages(
                        List.of(new Listing.ImageVerdict("img-5", Verdict.APPROVED, "好")),
                        "wang.store-manager",
                        T0.plusSeconds(1000));
        assertThat(approved.state().step()).isEqualTo(ListingStep.IMAGES_APPROVED);
        assertThat(approved.events())
                .containsExactly(new ImagesApproved(
                        "TEA-LJ", TMALL, List.of("img-5"), "wang.store-manager", T0.plusSeconds(1000)));
        assertThat(approved.state().approvedImages())
                .extracting(ProductImage::imageId)
                .containsExactly("img-3", "img-5");
        assertThat(approved.state().images()).as("every version is kept").hasSize(5);
    }

    @Test
    void aReviewCoversEveryImageUnderReviewSaysWhyItRejectsAndIsNeverOfOnesOwnRetouching() {
        Listing retouched = retouched();
        Function<List<Listing.ImageVerdict>, Change<Listing>> review =
                verdicts -> retouched.reviewImages(verdicts, "wang.store-manager", T0.plusSeconds(600));

        assertThatThrownBy(() -> review.apply(List.of(new Listing.ImageVerdict("img-3", Verdict.APPROVED, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every image under review");
        assertThatThrownBy(() -> review.apply(List.of(
                        new Listing.ImageVerdict("img-3", Verdict.APPROVED, null),
                        new Listing.ImageVerdict("img-4", Verdict.REJECTED, " "))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a comment");
        assertThatThrownBy(() -> review.apply(List.of(
                        new Listing.ImageVerdict("img-3", Verdict.APPROVED, null),
                        new Listing.ImageVerdict("img-1", Verdict.APPROVED, null))))
                .hasMessageContaining("img-1 is not under review");
        assertThatThrownBy(() -> retouched.reviewImages(
                        List.of(
                                new Listing.ImageVerdict("img-3", Verdict.APPROVED, null),
                                new Listing.ImageVerdict("img-4", Verdict.APPROVED, null)),
                        "zhao.designer",
                        T0.plusSeconds(600)))
                .isInstanceOf(OwnWork.class);
    }

    @Test
    void anOriginalIsAddedOnlyOnceTheSellingPointsAreOutAndARetouchingNamesAnOriginal() {
        Listing selected =
                Listing.select(Optional.empty(), tea(), "li.supervisor", T0).state();
        assertThatThrownBy(() -> selected.addImage(
                        "img-1", upload(ImageStage.ORIGINAL, "主图1", null, "f1"), "wang.store-manager", T0))
                .isInstanceOf(ListingConflict.class);
        Listing shot = shot();
        assertThatThrownBy(() ->
                        shot.addImage("img-3", upload(ImageStage.RETOUCHED, null, "img-9", "f3"), "zhao.designer", T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retouchedFrom");
        assertThat(shot.addImage("img-3", upload(ImageStage.ORIGINAL, "主图1", null, "f1"), "x", T0)
                        .isNone())
                .as("the same stored file again")
                .isTrue();
    }

    @Test
    void thePageShowsOnlyApprovedImagesItsAuthorNeverReviewsItAndARejectionSaysWhy() {
        Listing approved = imagesApproved();
        assertThatThrownBy(() -> approved.saveDetailPage("<p>x</p>", List.of("img-1"), "zhao.designer", T0))
                .hasMessageContaining("img-1, which is not an approved image");

        Listing drafted = approved.saveDetailPage("<p>v1</p>", List.of("img-3"), "zhao.designer", T0.plusSeconds(10))
                .state();
        Listing redrafted = drafted.saveDetailPage("<p>v1b</p>", List.of("img-3"), "zhao.designer", T0.plusSeconds(20))
                .state();
        assertThat(redrafted.detailPages())
                .hasSize(1)
                .first()
                .extracting(DetailPage::html)
                .isEqualTo("<p>v1b</p>");
        Listing submitted =
                redrafted.submitDetailPage("zhao.designer", T0.plusSeconds(30)).state();
        assertThat(submitted.step()).isEqualTo(ListingStep.DETAIL_PAGE_SUBMITTED);

        assertThatThrownBy(() -> submitted.reviewDetailPage(Verdict.APPROVED, null, "zhao.designer", T0))
                .isInstanceOf(OwnWork.class);
        assertThatThrownBy(() -> submitted.reviewDetailPage(Verdict.REJECTED, null, "wang.store-manager", T0))
                .hasMessageContaining("needs a comment");
        Change<Listing> rejected =
                submitted.reviewDetailPage(Verdict.REJECTED, "步骤图太小", "wang.store-manager", T0.plusSeconds(40));
        assertThat(rejected.state().step()).isEqualTo(ListingStep.DETAIL_PAGE_REJECTED);
        assertThat(rejected.events())
                .containsExactly(
                        new DetailPageRejected("TEA-LJ", TMALL, 1, "步骤图太小", "wang.store-manager", T0.plusSeconds(40)));
        Listing second = rejected.state()
                .saveDetailPage("<p>v2</p>", List.of("img-3"), "zhao.designer", T0.plusSeconds(50))
                .state();
        assertThat(second.detailPages()).extracting(DetailPage::version).containsExactly(1, 2);
        assertThat(second.detailPages().get(0).html())
                .as("a submitted version never changes")
                .isEqualTo("<p>v1b</p>");
    }

    @Test
    void publishingNeedsAnApprovedPageAndEachStoreConfirmsItsOwnFirstListingThenChanges() {
        Listing approvedPage = pageApproved();
        Listing dropped = imagesApproved().withdraw("不上了", "li.supervisor", T0).state();
        assertThatThrownBy(() -> dropped.publish("li.supervisor", T0))
                .isInstanceOfSatisfying(
                        ListingConflict.class,
                        conflict -> assertThat(conflict.kind()).isEqualTo("not-approved"));

        Listing publishing =
                approvedPage.publish("li.supervisor", T0.plusSeconds(100)).state();
        assertThat(publishing.step()).isEqualTo(ListingStep.PUBLISHING);
        assertThat(publishing.due(T0.plusSeconds(100)))
                .extracting(Publication::storeId)
                .containsExactly(TMALL, SHOPIFY);

        Change<Listing> tmall = publishing.published(TMALL, 1, "SIMULATED", "SIM-TEA-LJ", T0.plusSeconds(110));
        assertThat(tmall.state().step()).as("waiting for the other store").isEqualTo(ListingStep.PUBLISHING);
        assertThat(tmall.events()).singleElement().isInstanceOfSatisfying(ListingPublished.class, event -> {
            assertThat(event.pageVersion()).isEqualTo(1);
            assertThat(event.storefrontProductId()).isEqualTo("SIM-TEA-LJ");
            assertThat(event.skus().get(0).price()).isEqualTo(new Money(12800, "CNY"));
            assertThat(event.skus().get(1).packageContents()).containsExactly("茶罐 ×2", "礼盒", "手提袋");
            assertThat(event.mainImageId()).isEqualTo("img-3");
            assertThat(event.publishedBy()).isEqualTo("li.supervisor");
        });
        assertThat(tmall.state()
                        .published(TMALL, 1, "SIMULATED", "SIM-TEA-LJ", T0.plusSeconds(111))
                        .isNone())
                .as("a confirmation again")
                .isTrue();

        Change<Listing> failed =
                tmall.state().publishFailed(SHOPIFY, 1, "HTTP 503", false, Duration.ofSeconds(30), T0.plusSeconds(120));
        assertThat(failed.state().publication(SHOPIFY).orElseThrow().nextAttemptAt())
                .isEqualTo(T0.plusSeconds(150));
        Listing given = failed.state()
                .publishFailed(SHOPIFY, 1, "HTTP 503", true, Duration.ofSeconds(30), T0.plusSeconds(150))
                .state();
        assertThat(given.publication(SHOPIFY).orElseThrow().status()).isEqualTo(PublicationStatus.FAILED);
        assertThat(given.due(T0.plusSeconds(999))).isEmpty();
        Listing retried = given.retryPublication(SHOPIFY, "li.supervisor", T0.plusSeconds(200))
                .state();

        Change<Listing> shopify =
                retried.published(SHOPIFY, 1, "SHOPIFY", "gid://shopify/Product/1", T0.plusSeconds(210));
        assertThat(shopify.state().step()).isEqualTo(ListingStep.PUBLISHED);
        assertThat(shopify.state().pageVersion()).isEqualTo(1);
        assertThat(shopify.events()).singleElement().isInstanceOf(ListingPublished.class);

        Listing edited = shopify.state()
                .edit(cheaper(shopify.state()), "li.supervisor", T0.plusSeconds(300))
                .state();
        assertThat(edited.step()).isEqualTo(ListingStep.CHANGED);
        assertThat(edited.changes()).containsExactly(Listing.PRICES);
        Listing republishing =
                edited.publish("li.supervisor", T0.plusSeconds(400)).state();
        Change<Listing> changed = republishing.published(TMALL, 2, "SIMULATED", "SIM-TEA-LJ", T0.plusSeconds(410));
        assertThat(changed.events()).singleElement().isInstanceOfSatisfying(ListingChanged.class, event -> {
            assertThat(event.pageVersion()).isEqualTo(2);
            assertThat(event.changes()).containsExactly(Listing.PRICES);
            assertThat(event.skus().get(0).price()).isEqualTo(new Money(11800, "CNY"));
        });
    }

    @Test
    void withdrawingAnnouncesEachStoreItWasOnSaleInOrTheRunningStoreWhenItNeverWas() {
        Listing dropped =
                Listing.select(Optional.empty(), tea(), "li.supervisor", T0).state();
        assertThat(dropped.withdraw("选品取消", "li.supervisor", T0).events())
                .containsExactly(new ListingWithdrawn("TEA-LJ", TMALL, null, "选品取消", "li.supervisor", T0));
        assertThatThrownBy(() -> dropped.withdraw(" ", "li.supervisor", T0)).hasMessageContaining("reason");

        Listing onSale = pageApproved().publish("li.supervisor", T0).state();
        onSale = onSale.published(TMALL, 1, "SIMULATED", "SIM-TEA-LJ", T0).state();
        Change<Listing> withdrawn = onSale.withdraw("换季", "li.supervisor", T0.plusSeconds(5));
        assertThat(withdrawn.events())
                .as("Shopify's publication was still pending: only Tmall had it on sale")
                .containsExactly(
                        new ListingWithdrawn("TEA-LJ", TMALL, "SIM-TEA-LJ", "换季", "li.supervisor", T0.plusSeconds(5)));
        Listing takingDown = withdrawn.state();
        assertThat(takingDown.publication(TMALL).orElseThrow().status()).isEqualTo(PublicationStatus.WITHDRAWING);
        assertThat(takingDown.publication(SHOPIFY).orElseThrow().status())
                .as("sent, unconfirmed: it may be on Shopify, so it is taken down too")
                .isEqualTo(PublicationStatus.WITHDRAWING);
        assertThat(takingDown.due(T0.plusSeconds(5)))
                .extracting(Publication::storeId)
                .containsExactly(TMALL, SHOPIFY);
        takingDown =
                takingDown.withdrawnFrom(SHOPIFY, "shopify", T0.plusSeconds(5)).state();

        Listing stillUp = takingDown
                .withdrawFailed(TMALL, "HTTP 503", Duration.ofSeconds(60), T0.plusSeconds(6))
                .state();
        assertThat(stillUp.due(T0.plusSeconds(30))).as("tried again later").isEmpty();
        assertThat(stillUp.due(T0.plusSeconds(66)))
                .extracting(Publication::storeId)
                .containsExactly(TMALL);
        Listing down =
                stillUp.withdrawnFrom(TMALL, "simulated", T0.plusSeconds(70)).state();
        assertThat(down.publication(TMALL).orElseThrow().status()).isEqualTo(PublicationStatus.WITHDRAWN);
        assertThat(down.due(T0.plusSeconds(999))).isEmpty();
        assertThat(down.withdrawnFrom(TMALL, "simulated", T0.plusSeconds(71)).isNone())
                .isTrue();
    }

    @Test
    void aPublicationInFlightWhenTheProductIsWithdrawnIsTakenDownOnceTheStorefrontAnswers() {
        Listing publishing = pageApproved().publish("li.supervisor", T0).state();
        Change<Listing> withdrawn = publishing.withdraw("不卖了", "li.supervisor", T0.plusSeconds(1));

        assertThat(withdrawn.state().publications())
                .as("either storefront may have taken it: both are taken down")
                .extracting(Publication::status)
                .containsOnly(PublicationStatus.WITHDRAWING);
        assertThat(withdrawn.events())
                .as("no store had it on sale as far as anyone knew")
                .containsExactly(
                        new ListingWithdrawn("TEA-LJ", TMALL, null, "不卖了", "li.supervisor", T0.plusSeconds(1)));
        Change<Listing> lateAnswer =
                withdrawn.state().published(SHOPIFY, 1, "shopify", "gid://shopify/Product/9", T0.plusSeconds(2));
        assertThat(lateAnswer.events()).isEmpty();
        assertThat(lateAnswer.state().publication(SHOPIFY).orElseThrow())
                .as("the takedown now knows the storefront's id")
                .extracting(Publication::status, Publication::storefrontProductId)
                .containsExactly(PublicationStatus.WITHDRAWING, "gid://shopify/Product/9");
    }

    @Test
    void aRelistedProductIsSentAsANewPageVersionNeverOneAStoreHadBefore() {
        Listing listing = pageApproved().publish("li.supervisor", T0).state();
        listing = listing.published(TMALL, 1, "simulated", "SIM-TEA-LJ", T0).state();
        listing = listing.publishFailed(SHOPIFY, 1, "HTTP 500", true, Duration.ZERO, T0)
                .state();
        listing = listing.withdraw("换季", "li.supervisor", T0.plusSeconds(1)).state();
        assertThat(listing.pageVersion()).as("never on sale everywhere").isZero();

        Listing relisted = listing.publish("li.supervisor", T0.plusSeconds(2)).state();
        assertThat(relisted.publications()).extracting(Publication::pageVersion).containsOnly(2);
        Change<Listing> again = relisted.published(TMALL, 2, "simulated", "SIM-TEA-LJ", T0.plusSeconds(3));
        assertThat(again.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ListingChanged.class,
                        event -> assertThat(event.pageVersion()).isEqualTo(2));
    }

    @Test
    void theReviewJudgesTheNewestPageSubmittedNotOneLeftFromBeforeAWithdrawal() {
        Listing onSale = pageApproved().publish("li.supervisor", T0).state();
        onSale = onSale.published(TMALL, 1, "simulated", "SIM", T0).state();
        onSale = onSale.published(SHOPIFY, 1, "simulated", "SIM", T0).state();
        Listing inReview = onSale.saveDetailPage("<p>v2</p>", List.of("img-3"), "zhao.designer", T0)
                .state()
                .submitDetailPage("zhao.designer", T0)
                .state();
        Listing relisted = inReview.withdraw("停售", "li.supervisor", T0)
                .state()
                .publish("li.supervisor", T0)
                .state();
        relisted = relisted.published(TMALL, 2, "simulated", "SIM", T0).state();
        relisted = relisted.published(SHOPIFY, 2, "simulated", "SIM", T0).state();
        Listing third = relisted.saveDetailPage("<p>v3</p>", List.of("img-3"), "zhao.designer", T0)
                .state()
                .submitDetailPage("zhao.designer", T0)
                .state();

        assertThat(third.pageInReview()).map(DetailPage::version).contains(3);
        Listing approved = third.reviewDetailPage(Verdict.APPROVED, null, "wang.store-manager", T0)
                .state();
        assertThat(approved.approvedPage()).map(DetailPage::html).contains("<p>v3</p>");
    }

    @Test
    void picturesComeWhileTheyAreWithTheDesignerAndAVerdictNamesItsImage() {
        Listing approved = imagesApproved();
        assertThatThrownBy(() -> approved.placement(ImageStage.ORIGINAL, "主图3", null))
                .isInstanceOfSatisfying(
                        ListingConflict.class,
                        conflict -> assertThat(conflict.kind()).isEqualTo("listing-step"));
        assertThatThrownBy(() -> retouched().placement(ImageStage.RETOUCHED, null, "img-1"))
                .as("not while the review has them")
                .isInstanceOf(ListingConflict.class);
        assertThat(shot().placement(ImageStage.RETOUCHED, null, "img-2"))
                .isEqualTo(new Listing.Placement("主图2", "img-2"));
        assertThatThrownBy(() -> retouched()
                        .reviewImages(List.of(new Listing.ImageVerdict(null, Verdict.APPROVED, null)), "wang", T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("imageId");
    }

    @Test
    void theTimelineKeepsItsFirstEntryAndTheLatestFiveHundred() {
        Listing listing = selectedWithCard();
        for (int read = 0; read < 600; read++) {
            listing = listing.edit(
                            new ProductSheet(
                                    listing.productId(),
                                    "西湖龙井 " + read,
                                    listing.stores(),
                                    listing.skus(),
                                    listing.positioning()),
                            "li.supervisor",
                            T0.plusSeconds(read))
                    .state();
        }
        assertThat(listing.timeline()).hasSize(501);
        assertThat(listing.timeline().get(0).what()).isEqualTo("SELECTED");
        assertThat(listing.timeline().get(500).at()).isEqualTo(T0.plusSeconds(599));
    }

    @Test
    void theTimelineSaysWhoDidWhatWhen() {
        Listing listing = pageApproved();
        assertThat(listing.timeline())
                .extracting(Entry::what)
                .containsExactly(
                        "SELECTED",
                        "SELLING_POINTS",
                        "IMAGE_UPLOADED",
                        "IMAGE_UPLOADED",
                        "ORIGINALS",
                        "IMAGE_UPLOADED",
                        "IMAGE_UPLOADED",
                        "RETOUCHED",
                        "IMAGES_APPROVED",
                        "DETAIL_PAGE_SUBMITTED",
                        "DETAIL_PAGE_APPROVED");
        assertThat(listing.timeline().get(8).by()).isEqualTo("wang.store-manager");
        assertThat(listing.stepSince()).isEqualTo(listing.timeline().get(10).at());
    }

    static Listing selectedWithCard() {
        return Listing.select(Optional.empty(), tea(), "li.supervisor", T0)
                .state()
                .publishSellingPoints(CARD, "li.supervisor", T0.plusSeconds(10))
                .state();
    }

    static Listing shot() {
        Listing listing = selectedWithCard()
                .addImage(
                        "img-1",
                        upload(ImageStage.ORIGINAL, "主图1", null, "f1"),
                        "wang.store-manager",
                        T0.plusSeconds(20))
                .state()
                .addImage(
                        "img-2",
                        upload(ImageStage.ORIGINAL, "主图2", null, "f2"),
                        "wang.store-manager",
                        T0.plusSeconds(21))
                .state();
        Change<Listing> submitted = listing.submitOriginals("wang.store-manager", T0.plusSeconds(30));
        assertThat(submitted.events())
                .containsExactly(new ImagesSubmitted(
                        "TEA-LJ",
                        TMALL,
                        "ORIGINAL",
                        List.of("img-1", "img-2"),
                        "wang.store-manager",
                        T0.plusSeconds(30)));
        return submitted.state();
    }

    static Listing retouched() {
        return shot().addImage(
                        "img-3", upload(ImageStage.RETOUCHED, null, "img-1", "f3"), "zhao.designer", T0.plusSeconds(40))
                .state()
                .addImage(
                        "img-4", upload(ImageStage.RETOUCHED, null, "img-2", "f4"), "zhao.designer", T0.plusSeconds(41))
                .state()
                .submitRetouched("zhao.designer", T0.plusSeconds(50))
                .state();
    }

    static Listing imagesApproved() {
        return retouched()
                .reviewImages(
                        List.of(
                                new Listing.ImageVerdict("img-3", Verdict.APPROVED, null),
                                new Listing.ImageVerdict("img-4", Verdict.APPROVED, null)),
                        "wang.store-manager",
                        T0.plusSeconds(60))
                .state();
    }

    static Listing pageApproved() {
        return imagesApproved()
                .saveDetailPage(
                        "<p>明前</p><img src=\"image:img-3\">", List.of("img-3"), "zhao.designer", T0.plusSeconds(70))
                .state()
                .submitDetailPage("zhao.designer", T0.plusSeconds(80))
                .state()
                .reviewDetailPage(Verdict.APPROVED, null, "wang.store-manager", T0.plusSeconds(90))
                .state();
    }

    private static ProductSheet cheaper(Listing listing) {
        Sku first = listing.skus().get(0);
        Sku cheaper = new Sku(
                first.sku(),
                first.variant(),
                List.of(
                        new StorePrice(TMALL, new Money(11800, "CNY")),
                        first.prices().get(1)),
                first.packageContents());
        return new ProductSheet(
                listing.productId(),
                listing.title(),
                listing.stores(),
                List.of(cheaper, listing.skus().get(1)),
                listing.positioning());
    }
}

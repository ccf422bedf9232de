package io.storeops.listing.products.web;

import io.storeops.listing.access.ListingAction;
import io.storeops.listing.products.Acknowledgement;
import io.storeops.listing.products.Listing;
import io.storeops.listing.products.ListingCommand;
import io.storeops.listing.products.ListingProperties;
import io.storeops.listing.products.ListingStep;
import io.storeops.listing.products.ListingWorkflow;
import io.storeops.listing.products.Listings;
import io.storeops.listing.products.PageHtml;
import io.storeops.listing.products.ProductRules;
import io.storeops.listing.products.ProductSheet;
import io.storeops.listing.products.PublicationStatus;
import io.storeops.listing.products.ReviewTimes;
import io.storeops.listing.products.SellingPoints;
import io.storeops.listing.products.Verdict;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The listing flow over HTTP (商品上架销售流程): selecting and positioning a product, its selling
 * points and who has read them, the hand-overs and reviews of its photographs and detail page,
 * publication and withdrawal. Who acts comes from the token; a product is seen only by staff of
 * the store that runs its listing.
 */
@RestController
@RequestMapping("/api/listings")
@Tag(name = "Listing")
@SecurityRequirement(name = "bearer")
class ListingController {

    /** The steps a product's page offers, as the routes name them, and what each asks of the workflow. */
    static final Map<String, ListingCommand> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("edit", ListingCommand.EDIT);
        STEPS.put("selling-points", ListingCommand.PUBLISH_SELLING_POINTS);
        STEPS.put("originals/submission", ListingCommand.SUBMIT_ORIGINALS);
        STEPS.put("retouched/submission", ListingCommand.SUBMIT_RETOUCHED);
        STEPS.put("images/review", ListingCommand.APPROVE_IMAGES);
        STEPS.put("detail-page/submission", ListingCommand.SUBMIT_DETAIL_PAGE);
        STEPS.put("detail-page/review", ListingCommand.APPROVE_DETAIL_PAGE);
        STEPS.put("publication", ListingCommand.PUBLISH);
        STEPS.put("withdrawal", ListingCommand.WITHDRAW);
    }

    private final Listings listings;
    private final ProductAccess access;
    private final StoreCatalog catalog;
    private final ListingProperties properties;
    private final Clock clock;
    private final ReviewTimes reviewTimes;

    ListingController(
            Listings listings,
            StoreCatalog catalog,
            ListingProperties properties,
            Clock clock,
            ReviewTimes reviewTimes) {
        this.listings = listings;
        this.reviewTimes = reviewTimes;
        this.access = new ProductAccess(listings);
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    @Schema(
            name = "Listing",
            description = "A product in the listing flow, whether the caller has read its current selling points, "
                    + "and the steps (route names) the caller may take on it now")
    record ListingView(
            Listing listing,
            boolean readByMe,

            @Schema(example = "[\"edit\", \"selling-points\", \"withdrawal\"]")
            List<String> steps) {}

    @Schema(description = "A product on the listing board")
    record BoardEntry(
            String productId,
            String storeId,
            String title,
            ListingStep step,

            @Schema(description = "When it reached its step: the board shows the longest waiting first")
            Instant stepSince,

            int skuCount,

            @Schema(description = "The image a card shows: the newest approved, else the first original")
            String imageId,

            int pageVersion,

            @Schema(description = "Stores whose publication failed and waits for a retry")
            List<String> failedStores) {

        static BoardEntry of(Listing listing) {
            String image = listing.approvedImages().stream()
                    .findFirst()
                    .or(() -> listing.images().stream().findFirst())
                    .map(found -> found.imageId())
                    .orElse(null);
            return new BoardEntry(
                    listing.productId(),
                    listing.storeId(),
                    listing.title(),
                    listing.step(),
                    listing.stepSince(),
                    listing.skus().size(),
                    image,
                    listing.pageVersion(),
                    listing.publications().stream()
                            .filter(publication -> publication.status() == PublicationStatus.FAILED)
                            .map(publication -> publication.storeId())
                            .toList());
        }
    }

    @Schema(description = "Who has read the current selling points, and who of the store's department has not yet")
    record Readers(
            String productId, int cardVersion, List<Acknowledgement> read, List<ListingProperties.Member> notRead) {}

    @Schema(description = "The verdicts of an image review: one per image under review")
    record ImageReviewEntry(List<Listing.ImageVerdict> verdicts) {}

    @Schema(description = "A verdict on the submitted detail page; a rejection says what to change")
    record PageReviewEntry(@Schema(example = "APPROVED") Verdict verdict, String comment) {}

    @Schema(description = "The designer's draft of the detail page")
    record PageEntry(
            @Schema(
                    description = "Rich text; pictures are the product's approved images, <img src=\"image:img-3\">",
                    example = "<h2>明前特级</h2><p>清明前采摘…</p><img src=\"image:img-3\">")
            String html) {}

    @Schema(description = "Why the product is dropped or taken off sale")
    record WithdrawalEntry(@Schema(example = "换季下架") String reason) {}

    @PostMapping
    @Operation(
            summary = "Select a product for listing (商品挑选、定位)",
            description = "SPU code (the product's id), title, the stores it is sold in (the first runs its listing), "
                    + "SKUs with a price in each store's currency and the package contents the warehouse checks, and "
                    + "positioning. Announced with ListingDrafted. The same product again is a 200 changing nothing; "
                    + "another under the same code, or a SKU another product has, is a 409.")
    Mono<ResponseEntity<ListingView>> select(@RequestBody ProductSheet sheet) {
        return StaffAccess.require(ListingAction.SELECT)
                .flatMap(staff -> {
                    ProductSheet checked = checked(sheet, staff);
                    return listings.find(checked.spuCode())
                            .map(existing -> HttpStatus.OK)
                            .defaultIfEmpty(HttpStatus.CREATED)
                            .flatMap(status -> listings.select(checked, staff.username(), clock.instant())
                                    .map(listing ->
                                            ResponseEntity.status(status).body(view(listing, staff))));
                })
                .onErrorMap(ListingProblems::problem);
    }

    @GetMapping
    @Operation(
            summary = "The listing board: products by step, longest waiting first",
            description = "storeId narrows it to one store (default: every store of the token); step to some steps.")
    Mono<List<BoardEntry>> board(
            @RequestParam(required = false) String storeId,
            @Parameter(description = "Steps, comma-separated (default: all)") @RequestParam(required = false)
                    List<String> step,
            @Parameter(description = "Most products, 1 to 500 (default 200)") @RequestParam(defaultValue = "200")
                    int limit) {
        return StaffAccess.require(ListingAction.SEE)
                .flatMap(staff -> {
                    Problems.requireListLimit(limit);
                    Set<String> stores = staff.stores();
                    if (storeId != null && !storeId.isBlank()) {
                        stores = Set.of(storeId.strip());
                        staff.requireStore(storeId.strip());
                    }
                    return listings.board(stores, steps(step), limit)
                            .map(BoardEntry::of)
                            .collectList();
                })
                .onErrorMap(ListingProblems::problem);
    }

    @GetMapping("/{productId}")
    @Operation(summary = "One product: what it is, its selling points, images, detail pages, publications and timeline")
    Mono<ListingView> product(@PathVariable String productId) {
        return StaffAccess.require(ListingAction.SEE)
                .flatMap(staff -> access.visible(productId, staff).map(listing -> view(listing, staff)))
                .onErrorMap(ListingProblems::problem);
    }

    @GetMapping("/by-sku/{sku}")
    @Operation(
            summary = "The product a SKU belongs to",
            description = "What customer service looks up next to an order line: the product, its selling points "
                    + "and images.")
    Mono<ListingView> bySku(@PathVariable String sku) {
        return StaffAccess.require(ListingAction.SEE)
                .flatMap(staff -> listings.bySku(sku)
                        .filter(listing -> listing.stores().stream().anyMatch(staff::canSee))
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("Product with SKU", sku)))
                        .map(listing -> view(listing, staff)))
                .onErrorMap(ListingProblems::problem);
    }

    @PutMapping("/{productId}")
    @Operation(
            summary = "Edit the product: title, stores, SKUs, prices, package contents, positioning",
            description = "The SPU code stays. On sale, what differs from the page on sale waits to be published "
                    + "again (the product moves to CHANGED); positioning alone changes nothing on sale.")
    Mono<ListingView> edit(@PathVariable String productId, @RequestBody ProductSheet sheet) {
        return StaffAccess.require(ListingAction.SELECT)
                // Another store's product is not found before the sheet's stores are judged.
                .flatMap(staff -> access.workable(productId, staff)
                        .flatMap(found -> listings.edit(
                                productId,
                                checked(
                                        new ProductSheet(
                                                productId,
                                                sheet.title(),
                                                sheet.stores(),
                                                sheet.skus(),
                                                sheet.positioning()),
                                        staff),
                                staff.username(),
                                clock.instant()))
                        .map(listing -> view(listing, staff)))
                .onErrorMap(ListingProblems::problem);
    }

    @PutMapping("/{productId}/selling-points")
    @Operation(
            summary = "Publish the selling-points card (产品卖点), or a new version of it",
            description = "Highlights, materials, sizes and fit, care, and answers to buyers' common questions. "
                    + "Announced with SellingPointsPublished; everyone acknowledges each new version.")
    Mono<ListingView> sellingPoints(@PathVariable String productId, @RequestBody SellingPoints.Card card) {
        return act(
                productId,
                ListingAction.SELECT,
                (listing, staff) -> listing.publishSellingPoints(card, staff.username(), clock.instant()));
    }

    @PostMapping("/{productId}/selling-points/acknowledgement")
    @Operation(
            summary =
                    "I have read the current selling points (every member of the department says so once per version)")
    Mono<ListingView> acknowledge(@PathVariable String productId) {
        // Staff of every store the product is sold in read it, not only its team.
        return StaffAccess.require(ListingAction.SEE)
                .flatMap(staff -> access.visible(productId, staff)
                        .then(listings.change(
                                productId,
                                listing -> listing.acknowledge(staff.username(), mainRole(staff), clock.instant())))
                        .map(listing -> view(listing, staff)))
                .onErrorMap(ListingProblems::problem);
    }

    @GetMapping("/{productId}/acknowledgements")
    @Operation(
            summary = "Who has read the current selling points, and who has not yet",
            description = "notRead lists the department's members (storeops.listing.staff) of the stores the "
                    + "product is sold in without an acknowledgement of the current version.")
    Mono<Readers> acknowledgements(@PathVariable String productId) {
        return access.find(productId, ListingAction.FOLLOW_UP)
                .map(listing -> {
                    int version = listing.sellingPoints() == null
                            ? 0
                            : listing.sellingPoints().version();
                    List<Acknowledgement> read = listing.acknowledgements().stream()
                            .filter(each -> each.cardVersion() == version)
                            .toList();
                    Set<String> readers =
                            read.stream().map(Acknowledgement::username).collect(Collectors.toSet());
                    return new Readers(
                            productId,
                            version,
                            read,
                            properties.membersOf(listing.stores()).stream()
                                    .filter(member -> !readers.contains(member.username()))
                                    .toList());
                })
                .onErrorMap(ListingProblems::problem);
    }

    @PostMapping("/{productId}/originals/submission")
    @Operation(summary = "Hand on the shoot's originals (实物拍摄): announced with ImagesSubmitted ORIGINAL")
    Mono<ListingView> submitOriginals(@PathVariable String productId) {
        return act(
                productId,
                ListingAction.SHOOT,
                (listing, staff) -> listing.submitOriginals(staff.username(), clock.instant()));
    }

    @PostMapping("/{productId}/retouched/submission")
    @Operation(
            summary = "Hand on the retouched images for review (图片美化)",
            description =
                    "The newest version of each slot no review has seen; announced with ImagesSubmitted RETOUCHED.")
    Mono<ListingView> submitRetouched(@PathVariable String productId) {
        return act(
                productId,
                ListingAction.RETOUCH,
                (listing, staff) -> listing.submitRetouched(staff.username(), clock.instant()));
    }

    @PostMapping("/{productId}/images/review")
    @Operation(
            summary = "Review the retouched images (图片审核)",
            description = "A verdict on every image under review (a rejection with its comment), never on one's own "
                    + "retouching (403 four-eyes). All approved: ImagesApproved; any rejected: ImagesRejected, back "
                    + "to retouching.")
    Mono<ListingView> reviewImages(@PathVariable String productId, @RequestBody ImageReviewEntry review) {
        return act(
                productId,
                ListingAction.REVIEW,
                (listing, staff) -> listing.reviewImages(review.verdicts(), staff.username(), clock.instant()),
                this::reviewed);
    }

    @PutMapping("/{productId}/detail-page")
    @Operation(
            summary = "Save the draft of the detail page (宝贝详情编辑)",
            description = "Rich text, cleaned of scripts and styles; pictures only of the product's approved images. "
                    + "A submitted version never changes: the next save starts a new version.")
    Mono<ListingView> saveDetailPage(@PathVariable String productId, @RequestBody PageEntry page) {
        return StaffAccess.require(ListingAction.EDIT_PAGE)
                .flatMap(staff -> {
                    PageHtml.Cleaned cleaned = PageHtml.clean(page == null ? null : page.html());
                    return access.workable(productId, staff)
                            .then(listings.change(
                                    productId,
                                    listing -> listing.saveDetailPage(
                                            cleaned.html(), cleaned.imageIds(), staff.username(), clock.instant())))
                            .map(listing -> view(listing, staff));
                })
                .onErrorMap(ListingProblems::problem);
    }

    @PostMapping("/{productId}/detail-page/submission")
    @Operation(summary = "Submit the draft for review: announced with DetailPageSubmitted")
    Mono<ListingView> submitDetailPage(@PathVariable String productId) {
        return act(
                productId,
                ListingAction.EDIT_PAGE,
                (listing, staff) -> listing.submitDetailPage(staff.username(), clock.instant()));
    }

    @PostMapping("/{productId}/detail-page/review")
    @Operation(
            summary = "Review the submitted detail page",
            description = "APPROVED (DetailPageApproved) or REJECTED with a comment (DetailPageRejected); never "
                    + "one's own page (403 four-eyes).")
    Mono<ListingView> reviewDetailPage(@PathVariable String productId, @RequestBody PageReviewEntry review) {
        return act(
                productId,
                ListingAction.REVIEW,
                (listing, staff) ->
                        listing.reviewDetailPage(review.verdict(), review.comment(), staff.username(), clock.instant()),
                this::reviewed);
    }

    @PostMapping("/{productId}/publication")
    @Operation(
            summary = "Publish the approved product, or its approved changes, to its stores",
            description = "Needs an approved detail page (409 not-approved) and the caller's token covering every "
                    + "store it is sold in. Each store's storefront is sent the next page version until it confirms: "
                    + "ListingPublished the first time, ListingChanged after.")
    Mono<ListingView> publish(@PathVariable String productId) {
        return act(productId, ListingAction.PUBLISH, (listing, staff) -> {
            listing.stores().forEach(staff::requireStore);
            return listing.publish(staff.username(), clock.instant());
        });
    }

    @PostMapping("/{productId}/publication/{storeId}/retry")
    @Operation(summary = "Send a failed publication to a store again")
    Mono<ListingView> retry(@PathVariable String productId, @PathVariable String storeId) {
        return act(productId, ListingAction.PUBLISH, (listing, staff) -> {
            staff.requireStore(storeId);
            return listing.retryPublication(storeId, staff.username(), clock.instant());
        });
    }

    @PostMapping("/{productId}/withdrawal")
    @Operation(
            summary = "Drop the product, or take it off sale (下架)",
            description = "Says why; announced with ListingWithdrawn for each store it was on sale in.")
    Mono<ListingView> withdraw(@PathVariable String productId, @RequestBody WithdrawalEntry withdrawal) {
        return act(productId, ListingAction.SELECT, (listing, staff) -> {
            // taking it off sale takes it off every store's storefront: the token must cover them
            listing.stores().forEach(staff::requireStore);
            return listing.withdraw(withdrawal == null ? null : withdrawal.reason(), staff.username(), clock.instant());
        });
    }

    private Mono<ListingView> act(
            String productId, ListingAction action, BiFunction<Listing, Staff, Change<Listing>> step) {
        return act(productId, action, step, (before, after) -> {});
    }

    /**
     * A step on the product by its team (staff of the store that runs its listing); {@code
     * afterwards} sees the product before and after it.
     */
    private Mono<ListingView> act(
            String productId,
            ListingAction action,
            BiFunction<Listing, Staff, Change<Listing>> step,
            BiConsumer<Listing, Listing> afterwards) {
        return StaffAccess.require(action)
                .flatMap(staff -> access.workable(productId, staff)
                        .flatMap(before -> listings.change(productId, listing -> step.apply(listing, staff))
                                .doOnNext(after -> afterwards.accept(before, after)))
                        .map(listing -> view(listing, staff)))
                .onErrorMap(ListingProblems::problem);
    }

    private void reviewed(Listing before, Listing after) {
        reviewTimes.reviewed(before, after, after.lastStepAt());
    }

    private ProductSheet checked(ProductSheet sheet, Staff staff) {
        if (sheet == null) {
            throw Problems.invalid("the product is empty.");
        }
        Map<String, String> currencies = catalog.storeIds().stream()
                .collect(Collectors.toMap(
                        store -> store,
                        store -> catalog.find(store).orElseThrow().currency()));
        ProductSheet checked = ProductRules.checked(sheet, currencies);
        checked.stores().forEach(staff::requireStore);
        return checked;
    }

    private ListingView view(Listing listing, Staff staff) {
        List<String> offered = new ArrayList<>();
        STEPS.forEach((route, command) -> {
            if (ListingWorkflow.takes(listing.step(), command)
                    && command.action().map(action -> action.allows(staff)).orElse(false)) {
                offered.add(route);
            }
        });
        return new ListingView(listing, listing.readBy(staff.username()), offered);
    }

    private static List<ListingStep> steps(List<String> names) {
        if (names == null) {
            return List.of();
        }
        return names.stream()
                .map(String::strip)
                .map(name -> Arrays.stream(ListingStep.values())
                        .filter(step -> step.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> Problems.badRequest(
                                "invalid-parameter",
                                "step must be among " + Arrays.toString(ListingStep.values()) + ": '" + name
                                        + "' is not.")))
                .toList();
    }

    /** The role an acknowledgement records: the caller's first department role. */
    private static String mainRole(Staff staff) {
        return ListingAction.SEE.allowedRoles().stream()
                .filter(staff.roles()::contains)
                .findFirst()
                .map(Enum::name)
                .orElseThrow();
    }
}

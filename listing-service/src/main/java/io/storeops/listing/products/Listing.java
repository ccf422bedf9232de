package io.storeops.listing.products;

import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.events.listing.DetailPageApproved;
import io.storeops.contracts.events.listing.DetailPageRejected;
import io.storeops.contracts.events.listing.DetailPageSubmitted;
import io.storeops.contracts.events.listing.ImagesApproved;
import io.storeops.contracts.events.listing.ImagesRejected;
import io.storeops.contracts.events.listing.ImagesSubmitted;
import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingDrafted;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.ListingWithdrawn;
import io.storeops.contracts.events.listing.SellingPointsPublished;
import io.storeops.platform.outbox.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A product in the listing flow (商品上架销售流程), one document from its selection to its last
 * page version: what it is (SPU, SKUs with prices per store and package contents, positioning),
 * its selling-points card and who has read it, its photographs and their reviews, its detail page
 * versions, its publication in each store, and the timeline of who did what, when. Every step
 * goes through {@link ListingWorkflow}; every step others must know of goes out as an event.
 *
 * @param productId   the SPU code: the product's id across the department's stores
 * @param handle      the SPU code as storefronts' addresses read it ({@link ProductRules#handle}): no two
 *                    products share one
 * @param storeId     the store whose team runs its listing (the first of {@code stores})
 * @param stepSince   when it reached its step: the board shows the longest waiting first
 * @param underReview the retouched images the current review covers
 * @param pageVersion the page version last published everywhere (0 before the first publication)
 * @param changes     what changed since the page version on sale ({@code DETAIL_PAGE}, {@code TITLE}, {@code SKUS}, {@code PRICES})
 */
public record Listing(
        String productId,
        String handle,
        String storeId,
        String title,
        List<String> stores,
        List<Sku> skus,
        Positioning positioning,
        ListingStep step,
        Instant stepSince,
        SellingPoints sellingPoints,
        List<Acknowledgement> acknowledgements,
        List<ProductImage> images,
        List<String> underReview,
        List<DetailPage> detailPages,
        int pageVersion,
        List<String> changes,
        List<Publication> publications,
        String selectedBy,
        Instant selectedAt,
        List<Entry> timeline) {

    public static final String DETAIL_PAGE = "DETAIL_PAGE";
    public static final String TITLE = "TITLE";
    public static final String SKUS = "SKUS";
    public static final String PRICES = "PRICES";

    /** The photographs a product keeps, every version counted. */
    static final int IMAGE_LIMIT = 100;

    /** The detail page versions a product keeps. */
    static final int PAGE_LIMIT = 50;

    /** Remarks an image keeps. */
    static final int COMMENT_LIMIT = 100;

    static final int TIMELINE_LIMIT = 500;

    public Listing {
        handle = ProductRules.handle(productId);
        stores = copy(stores);
        skus = copy(skus);
        positioning = positioning == null ? Positioning.NONE : positioning;
        acknowledgements = copy(acknowledgements);
        images = copy(images);
        underReview = copy(underReview);
        detailPages = copy(detailPages);
        changes = copy(changes);
        publications = copy(publications);
        timeline = bounded(copy(timeline));
    }

    /**
     * The supervisor or store manager selects the product described by {@code sheet} (already
     * {@link ProductRules#checked checked}), announced with {@link ListingDrafted}. The same sheet
     * again (a retried request) changes nothing; another product under the same SPU code is refused.
     */
    public static Change<Listing> select(Optional<Listing> current, ProductSheet sheet, String by, Instant at) {
        if (current.isPresent()) {
            if (current.get().sheet().equals(sheet)) {
                return Change.none();
            }
            throw new ListingConflict(
                    "product-exists",
                    current.get().step(),
                    "A product with the SPU code " + sheet.spuCode() + " is already in the listing flow.");
        }
        String home = sheet.stores().get(0);
        Listing selected = new Listing(
                sheet.spuCode(),
                null,
                home,
                sheet.title(),
                sheet.stores(),
                sheet.skus(),
                sheet.positioning(),
                ListingStep.SELECTED,
                at,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                List.of(),
                List.of(),
                by,
                at,
                List.of(new Entry(at, "SELECTED", by, sheet.title() + " · " + skuCodes(sheet.skus()))));
        return Change.of(
                selected,
                new ListingDrafted(
                        sheet.spuCode(),
                        home,
                        sheet.spuCode(),
                        sheet.title(),
                        skuCodes(sheet.skus()),
                        sheet.stores(),
                        by,
                        at));
    }

    /** What the product is, as the team last described it. */
    public ProductSheet sheet() {
        return new ProductSheet(productId, title, stores, skus, positioning);
    }

    /**
     * A new description of the product (already checked). While it is on sale, what differs from
     * the page on sale is noted, and it waits to be published again. The store running the listing
     * stays first; a store it is on sale in is not dropped (withdraw the product first).
     */
    public Change<Listing> edit(ProductSheet sheet, String by, Instant at) {
        if (sheet.equals(sheet())) {
            return Change.none();
        }
        if (!sheet.stores().get(0).equals(storeId)) {
            throw new IllegalArgumentException("stores must keep " + storeId + ", which runs the listing, first.");
        }
        for (Publication publication : publications) {
            if (publication.status() != PublicationStatus.WITHDRAWN
                    && !sheet.stores().contains(publication.storeId())) {
                throw new ListingConflict(
                        "store-on-sale",
                        step,
                        "The product is on sale in " + publication.storeId()
                                + ": withdraw it before dropping the store.");
            }
        }
        Set<String> edited = new LinkedHashSet<>();
        if (!sheet.title().equals(title)) {
            edited.add(TITLE);
        }
        if (!skuCodes(sheet.skus()).equals(skuCodes(skus))
                || !variantsAndContents(sheet.skus()).equals(variantsAndContents(skus))) {
            edited.add(SKUS);
        }
        if (!prices(sheet.skus()).equals(prices(skus))) {
            edited.add(PRICES);
        }
        Draft draft = new Draft(this);
        draft.title = sheet.title();
        draft.stores = sheet.stores();
        draft.skus = sheet.skus();
        draft.positioning = sheet.positioning();
        if (step.onSale() || step == ListingStep.WITHDRAWN && pageVersion > 0) {
            draft.noteChanges(edited);
        }
        String detail = edited.isEmpty() ? "positioning or stores" : String.join(", ", edited);
        if (step.onSale() && edited.isEmpty() && sheet.stores().equals(stores)) {
            // Positioning is the team's own: the page on sale does not change with it.
            List<Entry> steps = new ArrayList<>(timeline);
            steps.add(new Entry(at, "EDITED", by, detail));
            return Change.of(draft.build(steps));
        }
        return Change.of(moved(ListingCommand.EDIT, draft, at, "EDITED", by, detail));
    }

    /**
     * Publishes the selling-points card (its first version moves the product on to the shoot), or
     * a new version of it, which everyone acknowledges again; announced with {@link SellingPointsPublished}.
     */
    public Change<Listing> publishSellingPoints(SellingPoints.Card card, String by, Instant at) {
        SellingPoints.Card written = SellingPointRules.checked(card);
        if (sellingPoints != null && written.equals(sellingPoints.card())) {
            return Change.none();
        }
        int version = sellingPoints == null ? 1 : sellingPoints.version() + 1;
        Draft draft = new Draft(this);
        draft.sellingPoints = new SellingPoints(
                version,
                written.highlights(),
                written.materials(),
                written.sizesAndFit(),
                written.care(),
                written.answers(),
                by,
                at);
        return Change.of(
                moved(ListingCommand.PUBLISH_SELLING_POINTS, draft, at, "SELLING_POINTS", by, "version " + version),
                new SellingPointsPublished(productId, storeId, version, by, at));
    }

    /**
     * {@code username}, in {@code role}, has read the current selling points. Reading the same
     * version again changes nothing; the product's step does not move.
     */
    public Change<Listing> acknowledge(String username, String role, Instant at) {
        if (sellingPoints == null) {
            throw new ListingConflict("no-selling-points", step, "The product has no selling points to read yet.");
        }
        if (readBy(username)) {
            return Change.none();
        }
        Draft draft = new Draft(this);
        List<Acknowledgement> read = new ArrayList<>(acknowledgements);
        read.add(new Acknowledgement(username, role, sellingPoints.version(), at));
        draft.acknowledgements = read;
        return Change.of(draft.build(timeline));
    }

    /** Whether {@code username} has acknowledged the current version of the selling points. */
    public boolean readBy(String username) {
        return sellingPoints != null
                && acknowledgements.stream()
                        .anyMatch(read ->
                                read.username().equals(username) && read.cardVersion() == sellingPoints.version());
    }

    /**
     * Adds an uploaded photograph as {@code imageId}: an original from the shoot, once the selling
     * points are out; or a retouched version of one of the product's originals, as the next version
     * of that original's slot. Uploading does not move the product: handing the pictures on does.
     */
    public Change<Listing> addImage(String imageId, ProductImage.Upload upload, String by, Instant at) {
        if (keptFor(upload).isPresent()) {
            return Change.none(); // the same picture sent again for the same place: a retried upload
        }
        Placement place = placement(upload.stage(), upload.slot(), upload.retouchedFrom());
        if (images.size() >= IMAGE_LIMIT) {
            throw new ListingConflict(
                    "too-many-images", step, "The product has " + IMAGE_LIMIT + " photographs, as many as it keeps.");
        }
        String slot = place.slot();
        String from = place.retouchedFrom();
        String inSlot = slot;
        int version = 1
                + images.stream()
                        .filter(image -> image.slot().equals(inSlot))
                        .mapToInt(ProductImage::version)
                        .max()
                        .orElse(0);
        Draft draft = new Draft(this);
        List<ProductImage> more = new ArrayList<>(images);
        more.add(new ProductImage(
                imageId,
                slot,
                upload.stage(),
                version,
                from,
                upload.fileId(),
                upload.thumbnailId(),
                upload.sha256(),
                upload.contentType(),
                upload.bytes(),
                upload.width(),
                upload.height(),
                by,
                at,
                null,
                List.of()));
        draft.images = more;
        List<Entry> steps = new ArrayList<>(timeline);
        steps.add(new Entry(
                at,
                "IMAGE_UPLOADED",
                by,
                imageId + " · " + upload.stage() + " · " + slot + " v" + version + " · " + upload.width() + "×"
                        + upload.height()));
        return Change.of(draft.build(steps));
    }

    /**
     * The image kept for {@code upload}: the one it made, or the one an earlier upload of the same
     * picture to the same place made (its slot, or the original it retouches).
     */
    public Optional<ProductImage> keptFor(ProductImage.Upload upload) {
        return images.stream()
                .filter(image -> image.fileId().equals(upload.fileId())
                        || image.sha256().equals(upload.sha256())
                                && image.stage() == upload.stage()
                                && (upload.stage() == ImageStage.RETOUCHED
                                        ? image.retouchedFrom().equals(upload.retouchedFrom())
                                        : image.slot()
                                                .equals(Texts.optional(
                                                        upload.slot(), "slot", ProductRules.ITEM_LIMIT))))
                .findFirst();
    }

    /** Where an upload goes: its slot, and the original a retouching is of. */
    public record Placement(String slot, String retouchedFrom) {}

    /**
     * Where a photograph of {@code stage} would go, or a refusal: originals come from the shoot
     * (once the selling points are out, and again when the review sent pictures back), retouched
     * versions are of one of the product's originals, while the pictures are with the designer. Asked
     * before an upload is stored, so that a refused one stores nothing.
     */
    public Placement placement(ImageStage stage, String slot, String retouchedFrom) {
        boolean shooting = step == ListingStep.SELLING_POINTS_PUBLISHED
                || step == ListingStep.SHOT
                || step == ListingStep.IMAGES_REJECTED;
        boolean retouching = step == ListingStep.SHOT || step == ListingStep.IMAGES_REJECTED;
        if (stage == null) {
            throw new IllegalArgumentException("stage must be ORIGINAL or RETOUCHED.");
        }
        if (stage == ImageStage.ORIGINAL) {
            if (!shooting) {
                throw new ListingConflict(
                        "listing-step",
                        step,
                        "Originals are uploaded from the time the selling points are out until the pictures are "
                                + "approved: the product is " + step + ".");
            }
            return new Placement(Texts.required(slot, "slot", ProductRules.ITEM_LIMIT), null);
        }
        if (!retouching) {
            throw new ListingConflict(
                    "listing-step",
                    step,
                    "Retouched versions are uploaded once the originals are handed on and until the pictures are "
                            + "approved: the product is " + step + ".");
        }
        ProductImage original = image(retouchedFrom)
                .filter(image -> image.stage() == ImageStage.ORIGINAL)
                .orElseThrow(() -> new IllegalArgumentException("retouchedFrom must name an original of " + productId
                        + ": '" + retouchedFrom + "' is not one."));
        return new Placement(original.slot(), original.imageId());
    }

    /** The id the next uploaded image takes: {@code img-<n>}, n counting every upload of the product. */
    public String nextImageId() {
        return "img-" + (images.size() + 1);
    }

    public Optional<ProductImage> image(String imageId) {
        return images.stream().filter(image -> image.imageId().equals(imageId)).findFirst();
    }

    /** The shoot's originals are in (实物拍摄), announced with {@link ImagesSubmitted} {@code ORIGINAL}. */
    public Change<Listing> submitOriginals(String by, Instant at) {
        List<String> originals = images.stream()
                .filter(image -> image.stage() == ImageStage.ORIGINAL)
                .map(ProductImage::imageId)
                .toList();
        ListingWorkflow.next(step, ListingCommand.SUBMIT_ORIGINALS);
        if (originals.isEmpty()) {
            throw new ListingConflict("no-images", step, "Upload the shoot's originals before handing them on.");
        }
        return Change.of(
                moved(
                        ListingCommand.SUBMIT_ORIGINALS,
                        new Draft(this),
                        at,
                        "ORIGINALS",
                        by,
                        originals.size() + " originals"),
                new ImagesSubmitted(productId, storeId, ImageStage.ORIGINAL.name(), originals, by, at));
    }

    /**
     * The designer hands on the retouched images for review (图片美化): the newest version of each
     * slot that no review has seen. A slot the last review rejected needs a new version first.
     */
    public Change<Listing> submitRetouched(String by, Instant at) {
        ListingWorkflow.next(step, ListingCommand.SUBMIT_RETOUCHED);
        List<ProductImage> newest = newestRetouched();
        List<String> rejectedStill = newest.stream()
                .filter(image -> image.review() != null && image.review().verdict() == Verdict.REJECTED)
                .map(ProductImage::slot)
                .toList();
        if (!rejectedStill.isEmpty()) {
            throw new ListingConflict(
                    "images-rejected",
                    step,
                    "The review rejected the newest version of " + rejectedStill + ": upload a new version first.");
        }
        List<String> fresh = newest.stream()
                .filter(image -> image.review() == null)
                .map(ProductImage::imageId)
                .toList();
        if (fresh.isEmpty()) {
            throw new ListingConflict("no-images", step, "There is no retouched version the review has not seen.");
        }
        Draft draft = new Draft(this);
        draft.underReview = fresh;
        return Change.of(
                moved(ListingCommand.SUBMIT_RETOUCHED, draft, at, "RETOUCHED", by, String.join(", ", fresh)),
                new ImagesSubmitted(productId, storeId, ImageStage.RETOUCHED.name(), fresh, by, at));
    }

    /** The verdict on one image under review, with what the reviewer says (required to reject). */
    public record ImageVerdict(String imageId, Verdict verdict, String comment) {}

    /**
     * The store manager's review of the retouched images (图片审核): a verdict on each image under
     * review, never by the one who retouched it. All approved moves on to the detail page
     * ({@link ImagesApproved}); any rejected goes back to retouching with the comments ({@link ImagesRejected}).
     */
    public Change<Listing> reviewImages(List<ImageVerdict> verdicts, String by, Instant at) {
        ListingWorkflow.next(step, ListingCommand.APPROVE_IMAGES);
        Map<String, ImageVerdict> byImage = new LinkedHashMap<>();
        for (ImageVerdict verdict : verdicts == null ? List.<ImageVerdict>of() : verdicts) {
            if (verdict == null || verdict.imageId() == null || verdict.verdict() == null) {
                throw new IllegalArgumentException("each verdict needs an imageId and APPROVED or REJECTED.");
            }
            if (!underReview.contains(verdict.imageId())) {
                throw new IllegalArgumentException("verdicts: " + verdict.imageId()
                        + " is not under review; the review covers " + underReview + ".");
            }
            if (verdict.verdict() == Verdict.REJECTED
                    && Texts.optional(verdict.comment(), "comment", ProductRules.NOTE_LIMIT) == null) {
                throw new IllegalArgumentException(
                        "verdicts: rejecting " + verdict.imageId() + " needs a comment saying what to change.");
            }
            if (byImage.put(verdict.imageId(), verdict) != null) {
                throw new IllegalArgumentException("verdicts: " + verdict.imageId() + " is judged twice.");
            }
        }
        if (!byImage.keySet().equals(new LinkedHashSet<>(underReview))) {
            throw new IllegalArgumentException("verdicts must judge every image under review: " + underReview + ".");
        }
        for (String imageId : underReview) {
            if (image(imageId).orElseThrow().uploadedBy().equals(by)) {
                throw new OwnWork("You retouched " + imageId + ": someone else reviews it.");
            }
        }
        List<String> rejected = new ArrayList<>();
        Draft draft = new Draft(this);
        draft.images = images.stream()
                .map(image -> {
                    ImageVerdict verdict = byImage.get(image.imageId());
                    if (verdict == null) {
                        return image;
                    }
                    if (verdict.verdict() == Verdict.REJECTED) {
                        rejected.add(image.imageId());
                    }
                    String comment = Texts.optional(verdict.comment(), "comment", ProductRules.NOTE_LIMIT);
                    return image.withReview(new Review(verdict.verdict(), comment, by, at));
                })
                .toList();
        draft.underReview = List.of();
        if (rejected.isEmpty()) {
            List<String> approved = List.copyOf(underReview);
            return Change.of(
                    moved(ListingCommand.APPROVE_IMAGES, draft, at, "IMAGES_APPROVED", by, String.join(", ", approved)),
                    new ImagesApproved(productId, storeId, approved, by, at));
        }
        String detail = rejected.stream()
                .map(imageId -> imageId + ": " + byImage.get(imageId).comment().strip())
                .collect(Collectors.joining("; "));
        return Change.of(
                moved(ListingCommand.REJECT_IMAGES, draft, at, "IMAGES_REJECTED", by, detail),
                new ImagesRejected(productId, storeId, rejected, by, at));
    }

    /** A remark on one image, at any step until the product is withdrawn. */
    public Change<Listing> comment(String imageId, String text, String by, Instant at) {
        ProductImage image = image(imageId).orElseThrow(() -> new NotOnRecord("Image", imageId));
        if (step == ListingStep.WITHDRAWN) {
            throw new ListingConflict("listing-step", step, "The product was withdrawn.");
        }
        String said = Texts.required(text, "text", ProductRules.NOTE_LIMIT);
        if (image.comments().size() >= COMMENT_LIMIT) {
            throw new ListingConflict(
                    "too-many-comments", step, imageId + " has " + COMMENT_LIMIT + " remarks, as many as it keeps.");
        }
        List<Comment> comments = new ArrayList<>(image.comments());
        comments.add(new Comment(said, by, at));
        Draft draft = new Draft(this);
        draft.images = images.stream()
                .map(each -> each.imageId().equals(imageId) ? each.withComments(comments) : each)
                .toList();
        List<Entry> steps = new ArrayList<>(timeline);
        steps.add(new Entry(at, "IMAGE_COMMENT", by, imageId + ": " + said));
        return Change.of(draft.build(steps));
    }

    /** The images a detail page may show: the newest approved retouched version of each slot. */
    public List<ProductImage> approvedImages() {
        return newestRetouched().stream()
                .filter(image -> image.review() != null && image.review().verdict() == Verdict.APPROVED)
                .toList();
    }

    /**
     * Saves the designer's draft of the detail page (宝贝详情编辑): {@code html} already cleaned,
     * showing {@code imageIds}, which must be approved images. A submitted version is never
     * changed: the first save after it starts the next version.
     */
    public Change<Listing> saveDetailPage(String html, List<String> imageIds, String by, Instant at) {
        if (!ListingWorkflow.takes(step, ListingCommand.SUBMIT_DETAIL_PAGE)) {
            throw new ListingConflict(
                    "listing-step",
                    step,
                    "The detail page is edited once the images are approved, and not while it is in review.");
        }
        Set<String> approved =
                approvedImages().stream().map(ProductImage::imageId).collect(Collectors.toSet());
        List<String> shown = imageIds.stream().distinct().toList();
        for (String imageId : shown) {
            if (!approved.contains(imageId)) {
                throw new IllegalArgumentException(
                        "the page shows " + imageId + ", which is not an approved image of " + productId + ".");
            }
        }
        Optional<DetailPage> draftPage = draftPage();
        if (draftPage.isPresent() && draftPage.get().html().equals(html)) {
            return Change.none();
        }
        if (draftPage.isEmpty() && detailPages.size() >= PAGE_LIMIT) {
            throw new ListingConflict(
                    "too-many-versions",
                    step,
                    "The product has " + PAGE_LIMIT + " detail page versions, as many as it keeps.");
        }
        int version = draftPage.map(DetailPage::version).orElse(detailPages.size() + 1);
        List<DetailPage> pages = new ArrayList<>(detailPages);
        pages.removeIf(page -> page.version() == version);
        pages.add(new DetailPage(version, html, shown, by, at, null, null));
        Draft draft = new Draft(this);
        draft.detailPages = pages;
        return Change.of(draft.build(timeline));
    }

    /**
     * The version the review judges: the newest submitted without a verdict (one submitted before a
     * withdrawal and never judged stays as it was).
     */
    public Optional<DetailPage> pageInReview() {
        return detailPages.stream()
                .filter(each -> each.submitted() && each.review() == null)
                .max(Comparator.comparingInt(DetailPage::version));
    }

    /** The unsubmitted version the designer is working on, if any. */
    public Optional<DetailPage> draftPage() {
        return detailPages.stream().filter(page -> !page.submitted()).findFirst();
    }

    /** The detail page version last approved, if any: what a publication shows. */
    public Optional<DetailPage> approvedPage() {
        return detailPages.stream().filter(DetailPage::approved).max(Comparator.comparingInt(DetailPage::version));
    }

    /** The designer submits the draft for review, announced with {@link DetailPageSubmitted}. */
    public Change<Listing> submitDetailPage(String by, Instant at) {
        ListingWorkflow.next(step, ListingCommand.SUBMIT_DETAIL_PAGE);
        DetailPage draftPage = draftPage()
                .orElseThrow(
                        () -> new ListingConflict("no-detail-page", step, "Save a draft of the detail page first."));
        Draft draft = new Draft(this);
        draft.detailPages = replaced(new DetailPage(
                draftPage.version(),
                draftPage.html(),
                draftPage.imageIds(),
                draftPage.editedBy(),
                draftPage.editedAt(),
                at,
                null));
        return Change.of(
                moved(
                        ListingCommand.SUBMIT_DETAIL_PAGE,
                        draft,
                        at,
                        "DETAIL_PAGE_SUBMITTED",
                        by,
                        "version " + draftPage.version()),
                new DetailPageSubmitted(productId, storeId, draftPage.version(), by, at));
    }

    /**
     * The review of the submitted detail page, never by its author: approved, it is what the next
     * publication shows ({@link DetailPageApproved}); rejected, with the reason, it goes back to
     * the designer ({@link DetailPageRejected}).
     */
    public Change<Listing> reviewDetailPage(Verdict verdict, String comment, String by, Instant at) {
        if (verdict == null) {
            throw new IllegalArgumentException("verdict must be APPROVED or REJECTED.");
        }
        ListingCommand command =
                verdict == Verdict.APPROVED ? ListingCommand.APPROVE_DETAIL_PAGE : ListingCommand.REJECT_DETAIL_PAGE;
        ListingWorkflow.next(step, command);
        DetailPage page = pageInReview().orElseThrow();
        String said = Texts.optional(comment, "comment", ProductRules.NOTE_LIMIT);
        if (verdict == Verdict.REJECTED && said == null) {
            throw new IllegalArgumentException("rejecting the page needs a comment saying what to change.");
        }
        if (page.editedBy().equals(by)) {
            throw new OwnWork("You wrote version " + page.version() + " of the page: someone else reviews it.");
        }
        Draft draft = new Draft(this);
        draft.detailPages = replaced(new DetailPage(
                page.version(),
                page.html(),
                page.imageIds(),
                page.editedBy(),
                page.editedAt(),
                page.submittedAt(),
                new Review(verdict, said, by, at)));
        if (verdict == Verdict.APPROVED) {
            if (step == ListingStep.CHANGE_IN_REVIEW) {
                draft.noteChanges(Set.of(DETAIL_PAGE));
            }
            return Change.of(
                    moved(command, draft, at, "DETAIL_PAGE_APPROVED", by, "version " + page.version()),
                    new DetailPageApproved(productId, storeId, page.version(), by, at));
        }
        return Change.of(
                moved(command, draft, at, "DETAIL_PAGE_REJECTED", by, "version " + page.version() + ": " + said),
                new DetailPageRejected(productId, storeId, page.version(), said, by, at));
    }

    /**
     * Sends the product (or its changes) to every store it is sold in, as the next page version.
     * Needs an approved detail page. The publisher then tries each store until it confirms.
     */
    public Change<Listing> publish(String by, Instant at) {
        ListingWorkflow.next(step, ListingCommand.PUBLISH);
        DetailPage page = approvedPage()
                .orElseThrow(() -> new ListingConflict(
                        "not-approved", step, "The product has no approved detail page: it cannot be published."));
        // Past every version ever sent, so a version a store confirmed before a withdrawal is never reused.
        int version = 1
                + Math.max(
                        pageVersion,
                        publications.stream()
                                .mapToInt(Publication::pageVersion)
                                .max()
                                .orElse(0));
        Draft draft = new Draft(this);
        List<Publication> sending = new ArrayList<>();
        for (String store : stores) {
            Optional<Publication> before = publication(store);
            sending.add(Publication.sending(store, version, before, at));
        }
        publications.stream()
                .filter(publication -> !stores.contains(publication.storeId()))
                .forEach(sending::add);
        draft.publications = sending;
        return Change.of(moved(
                ListingCommand.PUBLISH,
                draft,
                at,
                "PUBLISH",
                by,
                "page version " + version + " (detail page v" + page.version() + ") to " + String.join(", ", stores)));
    }

    public Optional<Publication> publication(String store) {
        return publications.stream()
                .filter(each -> each.storeId().equals(store))
                .findFirst();
    }

    /** The publications and withdrawals the publisher has to send to the storefronts, due at {@code now}. */
    public List<Publication> due(Instant now) {
        return publications.stream()
                .filter(each -> (each.status() == PublicationStatus.PENDING && step == ListingStep.PUBLISHING
                                || each.status() == PublicationStatus.WITHDRAWING)
                        && !each.nextAttemptAt().isAfter(now))
                .toList();
    }

    /**
     * Store {@code store}'s storefront confirmed page version {@code version} as {@code
     * storefrontProductId}: announced with {@link ListingPublished} the first time the store has the
     * product on sale, else {@link ListingChanged}. When every store has confirmed, the product is
     * on sale at that page version. A confirmation of anything but what is being sent changes nothing.
     */
    public Change<Listing> published(
            String store, int version, String storefront, String storefrontProductId, Instant at) {
        Optional<Publication> takingDown = publication(store)
                .filter(each -> each.status() == PublicationStatus.WITHDRAWING && each.storefrontProductId() == null);
        if (takingDown.isPresent()) {
            // The storefront took it after all (an answer late, or lost) while it was being withdrawn: the
            // takedown needs its id.
            Publication withdrawing = takingDown.get();
            Draft draft = new Draft(this);
            draft.publications = replacedPublication(withdrawing.knownAs(storefront, storefrontProductId));
            return Change.of(draft.build(timeline));
        }
        Optional<Publication> sent = publication(store)
                .filter(each -> each.status() == PublicationStatus.PENDING && each.pageVersion() == version);
        if (sent.isEmpty() || step != ListingStep.PUBLISHING) {
            return Change.none();
        }
        Publication before = sent.get();
        Draft draft = new Draft(this);
        draft.publications = replacedPublication(before.confirmed(storefront, storefrontProductId, at));
        DetailPage page = approvedPage().orElseThrow();
        List<ListedSku> listed = listedSkus(store);
        String mainImage = page.imageIds().isEmpty() ? null : page.imageIds().get(0);
        StoreOpsEvent announced = before.everPublished()
                ? new ListingChanged(
                        productId,
                        store,
                        productId,
                        title,
                        version,
                        page.version(),
                        storefrontProductId,
                        listed,
                        mainImage,
                        changes,
                        lastPublisher(),
                        at)
                : new ListingPublished(
                        productId,
                        store,
                        productId,
                        title,
                        version,
                        page.version(),
                        storefrontProductId,
                        listed,
                        mainImage,
                        lastPublisher(),
                        at);
        List<Entry> steps = new ArrayList<>(timeline);
        steps.add(new Entry(
                at, "STORE_PUBLISHED", storefront, store + " · " + storefrontProductId + " · page version " + version));
        boolean everywhere = draft.publications.stream()
                .filter(each -> stores.contains(each.storeId()))
                .allMatch(each -> each.status() == PublicationStatus.PUBLISHED);
        if (!everywhere) {
            return Change.of(draft.build(steps), announced);
        }
        draft.pageVersion = version;
        draft.changes = List.of();
        draft.step = ListingWorkflow.next(step, ListingCommand.CONFIRM_PUBLISHED);
        draft.stepSince = at;
        steps.add(new Entry(
                at, "PUBLISHED", storefront, "page version " + version + " on sale in " + String.join(", ", stores)));
        return Change.of(draft.build(steps), announced);
    }

    /**
     * Store {@code store}'s storefront refused page version {@code version}, or did not answer:
     * tried again after {@code retryAfter}, until {@code attempts} attempts have failed; then the
     * publication is {@link PublicationStatus#FAILED}, shown with its error, until staff retry it.
     */
    public Change<Listing> publishFailed(
            String store, int version, String error, boolean lastAttempt, Duration retryAfter, Instant at) {
        Optional<Publication> sent = publication(store)
                .filter(each -> each.status() == PublicationStatus.PENDING && each.pageVersion() == version);
        if (sent.isEmpty() || step != ListingStep.PUBLISHING) {
            return Change.none();
        }
        Publication before = sent.get();
        Draft draft = new Draft(this);
        draft.publications = replacedPublication(before.now(
                lastAttempt ? PublicationStatus.FAILED : PublicationStatus.PENDING,
                before.attempts() + 1,
                error,
                lastAttempt ? null : at.plus(retryAfter)));
        List<Entry> steps = new ArrayList<>(timeline);
        if (lastAttempt) {
            steps.add(new Entry(at, "PUBLISH_FAILED", null, store + " · " + error));
        }
        return Change.of(draft.build(steps));
    }

    /** Staff send a failed publication again. */
    public Change<Listing> retryPublication(String store, String by, Instant at) {
        Publication failed = publication(store)
                .filter(each -> each.status() == PublicationStatus.FAILED && step == ListingStep.PUBLISHING)
                .orElseThrow(() -> new ListingConflict(
                        "not-failed", step, "There is no failed publication to " + store + " to retry."));
        Draft draft = new Draft(this);
        draft.publications = replacedPublication(failed.now(PublicationStatus.PENDING, 0, failed.lastError(), at));
        List<Entry> steps = new ArrayList<>(timeline);
        steps.add(new Entry(at, "PUBLISH_RETRIED", by, store));
        return Change.of(draft.build(steps));
    }

    /**
     * Drops the product or takes it off sale (下架), saying why: announced with {@link
     * ListingWithdrawn} for each store it was on sale in, or once for the store running it when it
     * never was. Each storefront that has the product is then told to take it down ({@link
     * PublicationStatus#WITHDRAWING}, until it confirms); publications not yet confirmed are cancelled.
     */
    public Change<Listing> withdraw(String reason, String by, Instant at) {
        String why = Texts.required(reason, "reason", ProductRules.NOTE_LIMIT);
        ListingWorkflow.next(step, ListingCommand.WITHDRAW);
        List<StoreOpsEvent> events = new ArrayList<>();
        Draft draft = new Draft(this);
        draft.publications = publications.stream()
                .map(each -> {
                    boolean confirmed = each.publishedAt() != null && each.status() != PublicationStatus.WITHDRAWN;
                    // A publication sent but not confirmed may have reached the storefront (an answer lost, or one
                    // in flight): it is taken down too, which a storefront without it answers as done.
                    boolean onStorefront = confirmed
                            || each.status() == PublicationStatus.PENDING
                            || each.status() == PublicationStatus.FAILED;
                    if (confirmed) {
                        events.add(new ListingWithdrawn(
                                productId, each.storeId(), each.storefrontProductId(), why, by, at));
                    }
                    return each.now(
                            onStorefront ? PublicationStatus.WITHDRAWING : PublicationStatus.WITHDRAWN,
                            0,
                            null,
                            onStorefront ? at : null);
                })
                .toList();
        if (events.isEmpty()) {
            events.add(new ListingWithdrawn(productId, storeId, null, why, by, at));
        }
        return new Change<>(moved(ListingCommand.WITHDRAW, draft, at, "WITHDRAWN", by, why), events);
    }

    /** Store {@code store}'s storefront confirmed it took the product down; anything else changes nothing. */
    public Change<Listing> withdrawnFrom(String store, String storefront, Instant at) {
        Optional<Publication> withdrawing =
                publication(store).filter(each -> each.status() == PublicationStatus.WITHDRAWING);
        if (withdrawing.isEmpty()) {
            return Change.none();
        }
        Publication before = withdrawing.get();
        Draft draft = new Draft(this);
        draft.publications =
                replacedPublication(before.now(PublicationStatus.WITHDRAWN, before.attempts() + 1, null, null));
        List<Entry> steps = new ArrayList<>(timeline);
        steps.add(new Entry(at, "STORE_WITHDRAWN", storefront, store + " · " + before.storefrontProductId()));
        return Change.of(draft.build(steps));
    }

    /**
     * Store {@code store}'s storefront did not take the product down: tried again after {@code
     * retryAfter}, for as long as it takes (a product off sale in StoreOps must not stay on sale),
     * its error shown meanwhile.
     */
    public Change<Listing> withdrawFailed(String store, String error, Duration retryAfter, Instant at) {
        Optional<Publication> withdrawing =
                publication(store).filter(each -> each.status() == PublicationStatus.WITHDRAWING);
        if (withdrawing.isEmpty()) {
            return Change.none();
        }
        Publication before = withdrawing.get();
        Draft draft = new Draft(this);
        draft.publications = replacedPublication(
                before.now(PublicationStatus.WITHDRAWING, before.attempts() + 1, error, at.plus(retryAfter)));
        return Change.of(draft.build(timeline));
    }

    /** The SKUs as store {@code store} sells them, for the storefront and the other services. */
    public List<ListedSku> listedSkus(String store) {
        return skus.stream()
                .map(sku -> new ListedSku(
                        sku.sku(),
                        sku.variant(),
                        sku.priceIn(store).map(StorePrice::price).orElse(null),
                        sku.packageContents()))
                .toList();
    }

    /** When the product last moved (its newest timeline entry). */
    public Instant lastStepAt() {
        return timeline.isEmpty()
                ? selectedAt
                : timeline.get(timeline.size() - 1).at();
    }

    private String lastPublisher() {
        for (int index = timeline.size() - 1; index >= 0; index--) {
            if ("PUBLISH".equals(timeline.get(index).what())) {
                return timeline.get(index).by();
            }
        }
        return selectedBy;
    }

    private List<ProductImage> newestRetouched() {
        Map<String, ProductImage> newest = new LinkedHashMap<>();
        for (ProductImage image : images) {
            if (image.stage() == ImageStage.RETOUCHED) {
                newest.merge(image.slot(), image, (one, other) -> one.version() >= other.version() ? one : other);
            }
        }
        return List.copyOf(newest.values());
    }

    private List<DetailPage> replaced(DetailPage page) {
        return detailPages.stream()
                .map(each -> each.version() == page.version() ? page : each)
                .toList();
    }

    private List<Publication> replacedPublication(Publication publication) {
        return publications.stream()
                .map(each -> each.storeId().equals(publication.storeId()) ? publication : each)
                .toList();
    }

    private Listing moved(ListingCommand command, Draft draft, Instant at, String what, String by, String detail) {
        ListingStep next = ListingWorkflow.next(step, command);
        if (next != step) {
            draft.step = next;
            draft.stepSince = at;
        }
        List<Entry> steps = new ArrayList<>(timeline);
        steps.add(new Entry(at, what, by, detail));
        return draft.build(steps);
    }

    private static List<String> skuCodes(List<Sku> skus) {
        return skus.stream().map(Sku::sku).toList();
    }

    private static List<List<Object>> variantsAndContents(List<Sku> skus) {
        return skus.stream()
                .map(sku -> List.<Object>of(Objects.toString(sku.variant(), ""), sku.packageContents()))
                .toList();
    }

    private static List<List<StorePrice>> prices(List<Sku> skus) {
        return skus.stream().map(Sku::prices).toList();
    }

    /** The first entry and the latest {@value #TIMELINE_LIMIT}: how it began, and all of its recent life. */
    private static List<Entry> bounded(List<Entry> timeline) {
        if (timeline.size() <= TIMELINE_LIMIT + 1) {
            return timeline;
        }
        List<Entry> kept = new ArrayList<>();
        kept.add(timeline.get(0));
        kept.addAll(timeline.subList(timeline.size() - TIMELINE_LIMIT, timeline.size()));
        return List.copyOf(kept);
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** What a step may change. */
    private static final class Draft {
        private final Listing from;
        String title;
        List<String> stores;
        List<Sku> skus;
        Positioning positioning;
        ListingStep step;
        Instant stepSince;
        SellingPoints sellingPoints;
        List<Acknowledgement> acknowledgements;
        List<ProductImage> images;
        List<String> underReview;
        List<DetailPage> detailPages;
        int pageVersion;
        List<String> changes;
        List<Publication> publications;

        Draft(Listing from) {
            this.from = from;
            title = from.title;
            stores = from.stores;
            skus = from.skus;
            positioning = from.positioning;
            step = from.step;
            stepSince = from.stepSince;
            sellingPoints = from.sellingPoints;
            acknowledgements = from.acknowledgements;
            images = from.images;
            underReview = from.underReview;
            detailPages = from.detailPages;
            pageVersion = from.pageVersion;
            changes = from.changes;
            publications = from.publications;
        }

        void noteChanges(Set<String> more) {
            Set<String> all = new LinkedHashSet<>(changes);
            all.addAll(more);
            changes = List.copyOf(all);
        }

        Listing build(List<Entry> timeline) {
            return new Listing(
                    from.productId,
                    from.handle,
                    from.storeId,
                    title,
                    stores,
                    skus,
                    positioning,
                    step,
                    stepSince,
                    sellingPoints,
                    acknowledgements,
                    images,
                    underReview,
                    detailPages,
                    pageVersion,
                    changes,
                    publications,
                    from.selectedBy,
                    from.selectedAt,
                    timeline);
        }
    }
}

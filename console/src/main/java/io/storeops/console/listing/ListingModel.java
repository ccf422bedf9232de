package io.storeops.console.listing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * listing-service's answers as the listing pages read them: tolerant readers, so that the service
 * may add to its answers without breaking the console. Money in the store's minor units; steps,
 * stages, verdicts and statuses as the service names them.
 */
public final class ListingModel {

    /** The steps of the listing flow in their order (the board groups by them, the filter offers them). */
    public static final List<String> STEPS = List.of(
            "SELECTED",
            "SELLING_POINTS_PUBLISHED",
            "SHOT",
            "RETOUCHED",
            "IMAGES_REJECTED",
            "IMAGES_APPROVED",
            "DETAIL_PAGE_SUBMITTED",
            "DETAIL_PAGE_REJECTED",
            "DETAIL_PAGE_APPROVED",
            "PUBLISHING",
            "PUBLISHED",
            "CHANGE_IN_REVIEW",
            "CHANGED",
            "WITHDRAWN");

    static final String ORIGINAL = "ORIGINAL";
    static final String RETOUCHED = "RETOUCHED";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    private ListingModel() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Money(long amountMinor, String currency) {}

    /**
     * A product as the product route answers it: the product, whether the caller has read its
     * current selling points, and the steps (route names) the caller may take on it now.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListingView(Listing listing, boolean readByMe, List<String> steps) {

        public ListingView {
            steps = steps == null ? List.of() : steps;
        }

        /** Whether the page offers {@code step} (e.g. {@code images/review}): the service offers it to the caller now. */
        public boolean offers(String step) {
            return steps.contains(step);
        }
    }

    /** A product in the listing flow, from its selection to its last page version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listing(
            String productId,
            String storeId,
            String title,
            List<String> stores,
            List<Sku> skus,
            Positioning positioning,
            String step,
            Instant stepSince,
            SellingPoints sellingPoints,
            List<ProductImage> images,
            List<String> underReview,
            List<DetailPage> detailPages,
            int pageVersion,
            List<String> changes,
            List<Publication> publications,
            String selectedBy,
            Instant selectedAt,
            List<Entry> timeline) {

        public Listing {
            stores = stores == null ? List.of() : stores;
            skus = skus == null ? List.of() : skus;
            images = images == null ? List.of() : images;
            underReview = underReview == null ? List.of() : underReview;
            detailPages = detailPages == null ? List.of() : detailPages;
            changes = changes == null ? List.of() : changes;
            publications = publications == null ? List.of() : publications;
            timeline = timeline == null ? List.of() : timeline;
        }

        /** The images by their slot on the page (主图1, 细节图…) in the order slots were first filled, each slot's versions in order. */
        public Map<String, List<ProductImage>> slots() {
            Map<String, List<ProductImage>> slots = new LinkedHashMap<>();
            images.forEach(image -> slots.computeIfAbsent(image.slot(), slot -> new ArrayList<>())
                    .add(image));
            slots.values().forEach(versions -> versions.sort(Comparator.comparingInt(ProductImage::version)));
            return slots;
        }

        public List<ProductImage> originals() {
            return images.stream()
                    .filter(image -> ORIGINAL.equals(image.stage()))
                    .toList();
        }

        /** The retouched versions the current review covers, in the service's order. */
        public List<ProductImage> imagesUnderReview() {
            return underReview.stream().flatMap(id -> image(id).stream()).toList();
        }

        /**
         * The pictures a detail page may show, as listing-service decides them: the newest
         * retouched version of each slot, when its review approved it.
         */
        public List<ProductImage> approvedImages() {
            Map<String, ProductImage> newest = new LinkedHashMap<>();
            images.stream()
                    .filter(image -> RETOUCHED.equals(image.stage()))
                    .forEach(image -> newest.merge(
                            image.slot(), image, (one, other) -> one.version() >= other.version() ? one : other));
            return newest.values().stream().filter(ProductImage::approved).toList();
        }

        public Optional<ProductImage> image(String imageId) {
            return images.stream()
                    .filter(image -> image.imageId().equals(imageId))
                    .findFirst();
        }

        /** The unsubmitted version the designer is working on, if any. */
        public Optional<DetailPage> draftPage() {
            return detailPages.stream()
                    .filter(page -> page.submittedAt() == null)
                    .findFirst();
        }

        /** The version submitted and waiting for its review, if any. */
        public Optional<DetailPage> pageInReview() {
            return detailPages.stream()
                    .filter(page -> page.submittedAt() != null && page.review() == null)
                    .max(Comparator.comparingInt(DetailPage::version));
        }

        /** The newest version, whatever became of it: where an editor starts a new version from. */
        public Optional<DetailPage> latestPage() {
            return detailPages.stream().max(Comparator.comparingInt(DetailPage::version));
        }

        /** The version last approved: what a publication shows. */
        public Optional<DetailPage> approvedPage() {
            return detailPages.stream()
                    .filter(page -> page.review() != null
                            && APPROVED.equals(page.review().verdict()))
                    .max(Comparator.comparingInt(DetailPage::version));
        }

        /** The versions newest first, as the page lists them. */
        public List<DetailPage> pagesNewestFirst() {
            return detailPages.stream()
                    .sorted(Comparator.comparingInt(DetailPage::version).reversed())
                    .toList();
        }
    }

    /** A variant: its code (商家编码), what tells it apart, its price in each store, what is packed with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sku(String sku, String variant, List<StorePrice> prices, List<String> packageContents) {

        public Sku {
            prices = prices == null ? List.of() : prices;
            packageContents = packageContents == null ? List.of() : packageContents;
        }

        /** Its price in {@code storeId}, null when it has none there. */
        public Money priceIn(String storeId) {
            return prices.stream()
                    .filter(price -> price.storeId().equals(storeId))
                    .map(StorePrice::price)
                    .findFirst()
                    .orElse(null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StorePrice(String storeId, Money price) {}

    /** For whom, at which price band, for which season the product is (商品定位); any may be empty. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Positioning(String targetBuyer, String priceBand, String season, String notes) {

        public boolean isEmpty() {
            return targetBuyer == null && priceBand == null && season == null && notes == null;
        }
    }

    /** A version of the selling-points card (产品卖点) everyone reads before selling the product. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SellingPoints(
            int version,
            List<String> highlights,
            String materials,
            String sizesAndFit,
            String care,
            List<Answer> answers,
            String publishedBy,
            Instant publishedAt) {

        public SellingPoints {
            highlights = highlights == null ? List.of() : highlights;
            answers = answers == null ? List.of() : answers;
        }
    }

    /** A buyer's common question and the department's answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(String question, String answer) {}

    /** One uploaded photograph: its slot, stage, version in the slot, what it was retouched from, its review and remarks. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductImage(
            String imageId,
            String slot,
            String stage,
            int version,
            String retouchedFrom,
            String contentType,
            long bytes,
            int width,
            int height,
            String uploadedBy,
            Instant uploadedAt,
            Review review,
            List<Comment> comments) {

        public ProductImage {
            comments = comments == null ? List.of() : comments;
        }

        public boolean approved() {
            return review != null && APPROVED.equals(review.verdict());
        }

        public boolean rejected() {
            return review != null && REJECTED.equals(review.verdict());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Review(String verdict, String comment, String by, Instant at) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Comment(String text, String by, Instant at) {}

    /** A version of the item's detail page (宝贝详情): cleaned rich text, its pictures, when submitted, its review. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DetailPage(
            int version,
            String html,
            List<String> imageIds,
            String editedBy,
            Instant editedAt,
            Instant submittedAt,
            Review review) {

        public DetailPage {
            imageIds = imageIds == null ? List.of() : imageIds;
        }
    }

    /** The product in one store's storefront: status, the storefront's product id, attempts, last error. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Publication(
            String storeId,
            String status,
            int pageVersion,
            String storefront,
            String storefrontProductId,
            int attempts,
            String lastError,
            Instant nextAttemptAt,
            Instant publishedAt) {

        public boolean failed() {
            return "FAILED".equals(status);
        }
    }

    /** A line of the product's timeline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(Instant at, String what, String by, String detail) {}

    /** A product on the listing board, longest waiting in its step first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BoardEntry(
            String productId,
            String storeId,
            String title,
            String step,
            Instant stepSince,
            int skuCount,
            String imageId,
            int pageVersion,
            List<String> failedStores) {

        public BoardEntry {
            failedStores = failedStores == null ? List.of() : failedStores;
        }
    }

    /** Who has read the current selling points, and who of the store's department has not yet. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Readers(String productId, int cardVersion, List<Acknowledgement> read, List<Member> notRead) {

        public Readers {
            read = read == null ? List.of() : read;
            notRead = notRead == null ? List.of() : notRead;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Acknowledgement(String username, String role, int cardVersion, Instant at) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String username, String role, List<String> stores) {

        public Member {
            stores = stores == null ? List.of() : stores;
        }
    }
}

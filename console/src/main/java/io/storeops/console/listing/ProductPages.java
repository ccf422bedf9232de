package io.storeops.console.listing;

import io.storeops.console.listing.ListingModel.ListingView;
import io.storeops.console.services.ServiceProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One product's page: what it is, its selling-points card (read and say so; rewrite it), its
 * photographs by slot with their versions, reviews and remarks (upload, hand on, review), its
 * detail page versions and their review, its publication in each store (retry a failed one), its
 * withdrawal and its timeline. The forms shown are the steps listing-service offers the person on
 * the product now, and the uploads and remarks their role allows. Each step answers with the
 * product as it now stands, in place; a refusal says why in the reader's language, with what was
 * typed kept.
 */
@Controller
class ProductPages {

    static final String PAGE = "listingProduct";
    private static final String DETAIL = "listing-product :: detail";

    /** What a form typed, kept for a refusal and forgotten once the step is taken. */
    private static final List<String> TYPED = List.of("productForm", "cardForm", "reviewForm", "typedText");

    /** The hand-overs a page offers, by the first part of their route ({@code <part>/submission}). */
    private static final Set<String> HAND_OVERS = Set.of("originals", "retouched", "detail-page");

    private final ListingFrame frame;
    private final ListingApi api;
    private final ListingProblems problems;

    ProductPages(ListingFrame frame, ListingApi api, ListingProblems problems) {
        this.frame = frame;
        this.api = api;
        this.problems = problems;
    }

    /** A reason (a withdrawal's) or a remark (on an image). */
    record TextForm(String text) {}

    /** A verdict on the detail page under review. */
    record PageReviewForm(String verdict, String comment) {}

    @GetMapping("/listing/{productId}")
    Mono<String> product(@PathVariable String productId, Model model, ServerWebExchange exchange) {
        return frame.product(productId, PAGE, model, exchange)
                .doOnNext(view -> screen(view, model))
                .thenReturn("listing-product");
    }

    @PostMapping("/listing/{productId}/acknowledgement")
    Mono<String> acknowledge(@PathVariable String productId, Model model, Locale locale, ServerWebExchange exchange) {
        return step(productId, "acknowledged", api.acknowledge(productId), model, locale, exchange);
    }

    @PostMapping("/listing/{productId}/selling-points")
    Mono<String> sellingPoints(@PathVariable String productId, Model model, Locale locale, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            CardForm card = CardForm.read(form);
            model.addAttribute("cardForm", card);
            return step(
                    productId,
                    "sellingPoints",
                    api.publishSellingPoints(productId, card.card()),
                    model,
                    locale,
                    exchange);
        });
    }

    /** The product form over the product as it is; "more rows" adds blank SKU rows without sending anything. */
    @PostMapping("/listing/{productId}/edit")
    Mono<String> edit(@PathVariable String productId, Model model, Locale locale, ServerWebExchange exchange) {
        return Mono.zip(exchange.getFormData(), frame.desk()).flatMap(found -> {
            MultiValueMap<String, String> form = found.getT1();
            ProductForm typed = ProductForm.read(form);
            if (form.containsKey("moreRows")) {
                model.addAttribute("productForm", typed.withMoreRows());
                model.addAttribute("refusedStep", "edited"); // keeps the form open
                return asItStands(productId, model, exchange);
            }
            model.addAttribute("productForm", typed);
            Mono<ListingView> edited;
            try {
                edited = api.edit(productId, typed.sheet(BoardPages.stores(found.getT2())));
            } catch (FormUnreadable unreadable) {
                problems.showInPlace(unreadable, model, locale, exchange);
                model.addAttribute("refusedStep", "edited");
                return asItStands(productId, model, exchange);
            }
            return step(productId, "edited", edited, model, locale, exchange);
        });
    }

    /** Hands on the originals, the retouched versions, or the detail page ({@code <part>/submission}). */
    @PostMapping("/listing/{productId}/{part}/submission")
    Mono<String> handOver(
            @PathVariable String productId,
            @PathVariable String part,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        if (!HAND_OVERS.contains(part)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return step(
                productId, part + "-submission", api.step(productId, part + "/submission"), model, locale, exchange);
    }

    @PostMapping("/listing/{productId}/publication")
    Mono<String> publish(@PathVariable String productId, Model model, Locale locale, ServerWebExchange exchange) {
        return step(productId, "publication", api.step(productId, "publication"), model, locale, exchange);
    }

    @PostMapping("/listing/{productId}/publication/{storeId}/retry")
    Mono<String> retry(
            @PathVariable String productId,
            @PathVariable String storeId,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return step(productId, "retry", api.retryPublication(productId, storeId), model, locale, exchange);
    }

    @PostMapping("/listing/{productId}/withdrawal")
    Mono<String> withdraw(
            @PathVariable String productId,
            @ModelAttribute TextForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedText", form.text());
        return step(productId, "withdrawal", api.withdraw(productId, form.text()), model, locale, exchange);
    }

    /** The review of the images under review: per image ({@code image}), {@code verdict.<id>} and {@code comment.<id>}. */
    @PostMapping("/listing/{productId}/images/review")
    Mono<String> reviewImages(@PathVariable String productId, Model model, Locale locale, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            ReviewForm review = ReviewForm.read(form);
            model.addAttribute("reviewForm", review);
            return step(
                    productId,
                    "imagesReviewed",
                    api.reviewImages(productId, review.verdicts()),
                    model,
                    locale,
                    exchange);
        });
    }

    @PostMapping("/listing/{productId}/detail-page/review")
    Mono<String> reviewPage(
            @PathVariable String productId,
            @ModelAttribute PageReviewForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedText", form.comment());
        return step(
                productId,
                "pageReviewed",
                api.reviewDetailPage(productId, form.verdict(), form.comment()),
                model,
                locale,
                exchange);
    }

    /** A photograph: {@code file} with {@code stage} ORIGINAL and {@code slot}, or RETOUCHED and {@code retouchedFrom}. */
    @PostMapping("/listing/{productId}/images")
    Mono<String> upload(@PathVariable String productId, Model model, Locale locale, ServerWebExchange exchange) {
        return exchange.getMultipartData().flatMap(parts -> {
            if (!(parts.getFirst("file") instanceof FilePart file)
                    || file.filename().isBlank()) {
                problems.showInPlace(new FormUnreadable("listing.upload.noFile"), model, locale, exchange);
                model.addAttribute("refusedStep", "uploaded");
                return asItStands(productId, model, exchange);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String name : List.of("stage", "slot", "retouchedFrom")) {
                fields.put(name, field(parts, name));
            }
            return step(productId, "uploaded", api.upload(productId, file, fields), model, locale, exchange);
        });
    }

    @PostMapping("/listing/{productId}/images/{imageId}/comments")
    Mono<String> comment(
            @PathVariable String productId,
            @PathVariable String imageId,
            @ModelAttribute TextForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedText", form.text());
        model.addAttribute("commentedImage", imageId);
        return step(productId, "commented", api.comment(productId, imageId, form.text()), model, locale, exchange);
    }

    /** Who has read the current selling points and when, and who of the department has not yet. */
    @GetMapping("/listing/{productId}/readers")
    Mono<String> readers(@PathVariable String productId, Model model, ServerWebExchange exchange) {
        return frame.product(productId, "listingReaders", model, exchange)
                .flatMap(view -> api.readers(productId))
                .doOnNext(readers -> model.addAttribute("readers", readers))
                .thenReturn("listing-readers");
    }

    /**
     * The product after {@code step}: as the service answered it (what was typed forgotten), or as
     * it stands with why it was refused (what was typed kept, its form open).
     */
    private Mono<String> step(
            String productId,
            String step,
            Mono<ListingView> command,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return command.doOnNext(changed -> {
                    model.addAttribute("done", step);
                    TYPED.forEach(model.asMap()::remove);
                })
                .onErrorResume(
                        ServiceProblem.class,
                        refused -> problems.showInPlace(refused, model, locale, exchange)
                                .then(Mono.fromRunnable(() -> model.addAttribute("refusedStep", step)))
                                .then(api.product(productId)))
                .flatMap(view -> frame.show(view, PAGE, model, exchange))
                .map(view -> {
                    screen(view, model);
                    return DETAIL;
                });
    }

    /** The product as it stands, with what the model says of the form that was sent (typed, refused). */
    private Mono<String> asItStands(String productId, Model model, ServerWebExchange exchange) {
        return frame.product(productId, PAGE, model, exchange)
                .doOnNext(view -> screen(view, model))
                .thenReturn(DETAIL);
    }

    /** The page's model: the product and the forms it offers, filled with the product unless a refusal kept what was typed. */
    private static void screen(ListingView view, Model model) {
        model.addAttribute("screen", ProductScreen.of(view));
        if (view.offers("edit") && !model.containsAttribute("productForm")) {
            model.addAttribute("productForm", ProductForm.of(view.listing()));
        }
        if (view.offers("selling-points") && !model.containsAttribute("cardForm")) {
            model.addAttribute("cardForm", CardForm.of(view.listing().sellingPoints()));
        }
        if (!model.containsAttribute("reviewForm")) {
            model.addAttribute("reviewForm", ReviewForm.NONE);
        }
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
    }

    /**
     * The image review as typed: the images the form showed ({@code image}), and for each its
     * {@code verdict.<id>} (APPROVED, REJECTED) and {@code comment.<id>}.
     */
    record ReviewForm(Map<String, String> verdictsByImage, Map<String, String> commentsByImage) {

        static final ReviewForm NONE = new ReviewForm(Map.of(), Map.of());

        static ReviewForm read(MultiValueMap<String, String> form) {
            Map<String, String> verdicts = new LinkedHashMap<>();
            Map<String, String> comments = new LinkedHashMap<>();
            for (String imageId : form.getOrDefault("image", List.of())) {
                verdicts.put(imageId, form.getFirst("verdict." + imageId));
                comments.put(imageId, form.getFirst("comment." + imageId));
            }
            return new ReviewForm(verdicts, comments);
        }

        public String verdict(String imageId) {
            return verdictsByImage.get(imageId);
        }

        public String comment(String imageId) {
            return commentsByImage.getOrDefault(imageId, "");
        }

        /** The service's verdicts: one per image the form showed; one left without a verdict is sent so, for the service to refuse. */
        List<Map<String, String>> verdicts() {
            List<Map<String, String>> verdicts = new ArrayList<>();
            verdictsByImage.forEach((imageId, verdict) -> {
                Map<String, String> one = new LinkedHashMap<>();
                one.put("imageId", imageId);
                one.put("verdict", verdict);
                one.put("comment", commentsByImage.get(imageId));
                verdicts.add(one);
            });
            return verdicts;
        }
    }
}

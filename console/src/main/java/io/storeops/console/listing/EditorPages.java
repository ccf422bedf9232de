package io.storeops.console.listing;

import io.storeops.console.listing.ListingModel.DetailPage;
import io.storeops.console.listing.ListingModel.Listing;
import io.storeops.console.listing.ListingModel.ListingView;
import io.storeops.console.listing.ListingModel.ProductImage;
import io.storeops.console.services.ServiceProblem;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The detail page editor (宝贝详情编辑): the rich text with a toolbar that puts in tags and the
 * product's approved pictures ({@code <img src="image:img-3">}), and beside it a preview of what
 * is typed, cleaned as listing-service cleans a saved page and with the pictures loaded through
 * the console. Saving keeps the draft; submitting saves what is typed and hands it on for review.
 * While the product's step takes no detail page (or the person's role edits none), the page
 * shows the newest version, read only.
 */
@Controller
class EditorPages {

    private static final String PAGE = "listingEditor";
    private static final String EDITOR = "listing-editor :: editor";

    private final ListingFrame frame;
    private final ListingApi api;
    private final ListingProblems problems;

    EditorPages(ListingFrame frame, ListingApi api, ListingProblems problems) {
        this.frame = frame;
        this.api = api;
        this.problems = problems;
    }

    /** The typed rich text, and whether to hand it on for review once saved. */
    record PageForm(String html, String submit) {

        boolean submits() {
            return submit != null;
        }
    }

    @GetMapping("/listing/{productId}/page")
    Mono<String> editor(@PathVariable String productId, Model model, ServerWebExchange exchange) {
        return frame.product(productId, PAGE, model, exchange)
                .doOnNext(view -> editorModel(view, null, model))
                .thenReturn("listing-editor");
    }

    @PostMapping("/listing/{productId}/page")
    Mono<String> save(
            @PathVariable String productId,
            @ModelAttribute PageForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        Mono<ListingView> saved = api.saveDetailPage(productId, form.html());
        if (form.submits()) {
            saved = saved.then(api.step(productId, "detail-page/submission"));
        }
        String done = form.submits() ? "pageSubmitted" : "pageSaved";
        return saved.doOnNext(changed -> model.addAttribute("done", done))
                .map(changed -> new Saved(changed, null))
                .onErrorResume(
                        ServiceProblem.class,
                        refused -> problems.showInPlace(refused, model, locale, exchange)
                                .then(api.product(productId))
                                .map(asItStands -> new Saved(asItStands, form.html())))
                .flatMap(outcome -> frame.show(outcome.view(), PAGE, model, exchange)
                        .doOnNext(view -> editorModel(view, outcome.typed(), model)))
                .thenReturn(EDITOR);
    }

    /** A picture the toolbar puts in the page: its id, its slot, and the tag it puts in. */
    record Picture(String imageId, String slot, String tag) {}

    /** The product after a save, and the text typed when the save was refused (null when it was saved). */
    private record Saved(ListingView view, String typed) {}

    /** The preview of what is typed (nothing is saved): cleaned, with the product's pictures. */
    @PostMapping("/listing/{productId}/page/preview")
    Mono<String> preview(@PathVariable String productId, @ModelAttribute PageForm form, Model model) {
        return api.product(productId)
                .doOnNext(view -> model.addAttribute("preview", preview(view.listing(), form.html())))
                .thenReturn("listing-editor :: preview");
    }

    /**
     * The editor's model: the text to edit (what was typed, else the draft, else the newest version
     * to start the next one from), its preview, and the pictures the page may show.
     */
    private static void editorModel(ListingView view, String typed, Model model) {
        Listing listing = view.listing();
        String html = typed != null
                ? typed
                : listing.draftPage()
                        .or(listing::latestPage)
                        .map(DetailPage::html)
                        .orElse("");
        model.addAttribute("html", html);
        model.addAttribute("preview", preview(listing, html));
        model.addAttribute(
                "pictures",
                listing.approvedImages().stream()
                        .map(image -> new Picture(image.imageId(), image.slot(), DetailPageHtml.tag(image)))
                        .toList());
        model.addAttribute("editable", view.offers("detail-page/submission"));
    }

    private static DetailPageHtml.Preview preview(Listing listing, String html) {
        List<String> approved =
                listing.approvedImages().stream().map(ProductImage::imageId).toList();
        return DetailPageHtml.of(listing.productId(), html, approved);
    }
}

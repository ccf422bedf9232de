package io.storeops.console.listing;

import io.storeops.console.listing.ListingModel.ListingView;
import io.storeops.console.services.ServiceProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The selling points of the products an order's lines are (产品卖点, for pre-sale customer service
 * answering the buyer with the order open): a part of the order's page that loads on its own, so
 * that the order shows at once whatever becomes of listing-service. A SKU the listing flow does
 * not know (or not in the person's stores) shows nothing; listing-service out of reach shows a
 * short note, never an error.
 */
@Controller
class SellingPointsBeside {

    private static final Logger log = LoggerFactory.getLogger(SellingPointsBeside.class);

    /** How long the part waits for listing-service before it says the selling points cannot be shown now. */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    /** The most SKUs looked up for one order (a larger order shows the first ones' products). */
    private static final int MOST_SKUS = 20;

    private final ListingApi api;

    SellingPointsBeside(ListingApi api) {
        this.api = api;
    }

    /** A product of the order, and the order's SKUs of it. */
    public record OrderProduct(ListingView view, List<String> skus) {}

    /** What listing-service said of one SKU: its product, nothing (not listed), or nothing it could say now. */
    private record Lookup(String sku, ListingView view, boolean unavailable) {}

    @GetMapping("/selling-points")
    Mono<String> besideOrder(@RequestParam(name = "sku", required = false) List<String> skus, Model model) {
        List<String> asked = skus == null
                ? List.of()
                : skus.stream()
                        .filter(sku -> !sku.isBlank())
                        .distinct()
                        .limit(MOST_SKUS)
                        .toList();
        return Flux.fromIterable(asked)
                .flatMapSequential(this::lookUp)
                .collectList()
                .map(lookups -> {
                    Map<String, List<String>> skusByProduct = new LinkedHashMap<>();
                    Map<String, ListingView> products = new LinkedHashMap<>();
                    for (Lookup lookup : lookups) {
                        if (lookup.view() != null) {
                            String productId = lookup.view().listing().productId();
                            products.putIfAbsent(productId, lookup.view());
                            skusByProduct
                                    .computeIfAbsent(productId, id -> new ArrayList<>())
                                    .add(lookup.sku());
                        }
                    }
                    model.addAttribute(
                            "products",
                            products.values().stream()
                                    .map(view -> new OrderProduct(
                                            view,
                                            skusByProduct.get(view.listing().productId())))
                                    .toList());
                    model.addAttribute("listingUnavailable", lookups.stream().anyMatch(Lookup::unavailable));
                    return "listing-selling-points :: beside-order";
                });
    }

    private Mono<Lookup> lookUp(String sku) {
        return api.bySku(sku)
                .timeout(PATIENCE)
                .map(view -> new Lookup(sku, view, false))
                .onErrorResume(ServiceProblem.class::isInstance, refused -> {
                    ServiceProblem problem = (ServiceProblem) refused;
                    // 404: not in the listing flow (or not the person's); 403: a role that sees no listings
                    boolean unavailable = problem.status() >= 500 || problem.status() == 401;
                    return Mono.just(new Lookup(sku, null, unavailable));
                })
                .onErrorResume(outOfReach -> {
                    log.warn("The selling points of {} could not be looked up: {}", sku, outOfReach.toString());
                    return Mono.just(new Lookup(sku, null, true));
                });
    }
}

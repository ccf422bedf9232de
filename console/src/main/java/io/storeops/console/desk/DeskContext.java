package io.storeops.console.desk;

import io.storeops.console.desk.Desk.DeskStore;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page shows around its content: the person's desk (menu, queue badges, store switch)
 * and the store the page is about.
 */
public final class DeskContext {

    private DeskContext() {}

    /**
     * Puts the frame on the page (desk, store, current menu entry, the path for the switches) and
     * answers the store: the one asked for if it is the person's, else their first, null if they have none.
     */
    public static DeskStore frame(Model model, ServerWebExchange exchange, Desk desk, String wantedStore, String page) {
        DeskStore store = wantedStore == null ? null : desk.store(wantedStore);
        if (store == null && !desk.stores().isEmpty()) {
            store = desk.stores().get(0);
        }
        model.addAttribute("desk", desk);
        model.addAttribute("store", store);
        model.addAttribute("page", page);
        model.addAttribute("path", exchange.getRequest().getPath().value());
        model.addAttribute("inEnglish", inLanguage(exchange, "en"));
        model.addAttribute("inChinese", inLanguage(exchange, "zh-CN"));
        return store;
    }

    /** Pages of an action the person's roles do not allow are not shown (the service would refuse their data too). */
    public static void require(Desk desk, String action) {
        if (!desk.may(action)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /**
     * The same for a page of {@code service}'s, which is unavailable (503) rather than forbidden
     * while that service's part of the desk could not be reached.
     */
    public static void require(Desk desk, String service, String action) {
        if (!desk.may(action) && desk.lacks(service)) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
        }
        require(desk, action);
    }

    /** A page of the store's ({@code path}) with its filters, and where a list continues ({@code cursor}, if any). */
    public static String url(String path, DeskStore store, MultiValueMap<String, String> filters, String cursor) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path)
                .queryParam("store", store.storeId())
                .queryParams(filters);
        if (cursor != null) {
            url.queryParam("cursor", cursor);
        }
        return url.encode().build().toUriString();
    }

    /** This very page (its filters, its place in a list) in another language. */
    private static String inLanguage(ServerWebExchange exchange, String language) {
        return UriComponentsBuilder.fromPath(exchange.getRequest().getPath().value())
                .query(exchange.getRequest().getURI().getRawQuery())
                .replaceQueryParam("lang", language)
                .build()
                .toUriString();
    }
}

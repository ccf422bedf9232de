package io.storeops.console;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page's forms need: the CSRF token, as {@code _csrf}, and as htmx request headers
 * ({@code csrfHeaders}) for a file upload, whose multipart body the CSRF filter does not read (so
 * that it never spools a stranger's upload).
 */
@ControllerAdvice
class PageModel {

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    @ModelAttribute("csrfHeaders")
    Mono<String> csrfHeaders(ServerWebExchange exchange) {
        return csrf(exchange).map(token -> "{\"" + token.getHeaderName() + "\": \"" + token.getToken() + "\"}");
    }
}

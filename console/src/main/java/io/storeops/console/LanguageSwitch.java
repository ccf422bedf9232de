package io.storeops.console;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The page language: chosen with {@code ?lang=zh-CN} or {@code ?lang=en} (remembered in a cookie),
 * else the browser's preference, else English. Chinese and English are the languages there are.
 */
class LanguageSwitch implements LocaleContextResolver {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    private static final String COOKIE = "storeops-lang";

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        String chosen = exchange.getRequest().getQueryParams().getFirst("lang");
        if (chosen != null && supported(chosen) != null) {
            LocaleContext language = new SimpleLocaleContext(supported(chosen));
            setLocaleContext(exchange, language);
            return language;
        }
        HttpCookie remembered = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (remembered != null && supported(remembered.getValue()) != null) {
            return new SimpleLocaleContext(supported(remembered.getValue()));
        }
        List<Locale.LanguageRange> wanted = exchange.getRequest().getHeaders().getAcceptLanguage();
        Locale best = wanted.isEmpty() ? null : Locale.lookup(wanted, LANGUAGES);
        return new SimpleLocaleContext(best == null ? Locale.ENGLISH : best);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext language) {
        Locale locale = language == null ? null : language.getLocale();
        exchange.getResponse()
                .addCookie(ResponseCookie.from(COOKIE, locale == null ? "" : locale.toLanguageTag())
                        .path("/")
                        .maxAge(locale == null ? Duration.ZERO : Duration.ofDays(365))
                        .sameSite("Lax")
                        .build());
    }

    private static Locale supported(String tag) {
        Locale wanted = Locale.forLanguageTag(tag);
        return LANGUAGES.stream()
                .filter(language -> language.getLanguage().equals(wanted.getLanguage()))
                .findFirst()
                .orElse(null);
    }
}

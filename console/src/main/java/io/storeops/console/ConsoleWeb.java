package io.storeops.console;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

@Configuration(proxyBeanMethods = false)
class ConsoleWeb {

    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver() {
        return new LanguageSwitch();
    }

    /** What "now" is for the pages (the cut-off countdown); a test may set its own. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

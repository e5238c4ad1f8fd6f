package org.roadmapledger.query.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.platform.security.AccessRules;
import org.roadmapledger.query.pages.login.PagesSecurity;
import org.roadmapledger.query.proof.ProofReads;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;


/**
 * The pages' language (French first; English on request, by {@code Accept-Language} or the switch, which a cookie
 * remembers); the design system's files are public. Who may read the pages is {@code login.PagesSecurity}'s.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    static final String[] PAGES = PagesSecurity.PAGES;
    private static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ledger-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(PagesConfiguration::fromHeader);
        return resolver;
    }

    private static Locale fromHeader(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.FRENCH;
        }
        Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
        return best == null ? Locale.FRENCH : best;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns(PAGES);
    }

    @Bean
    AccessRules designSystemFiles() {
        return new AccessRules(List.of(), List.of("/dsfr/**", "/pages.css", "/pages.js"));
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
    TimelineReads timelineReads(ProofReads reads, SealRows seals) {
        return new TimelineReads(reads, seals);
    }
}

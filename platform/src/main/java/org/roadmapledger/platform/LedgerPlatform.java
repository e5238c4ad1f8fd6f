package org.roadmapledger.platform;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.roadmapledger.platform.ops.EventStoreHealthIndicator;
import org.roadmapledger.platform.ops.LedgerMetricRegistry;
import org.roadmapledger.platform.proof.ProofPlatform;
import org.roadmapledger.platform.security.LocalIssuer;
import org.roadmapledger.platform.security.OidcProperties;
import org.roadmapledger.platform.security.SecurityConfiguration;
import org.roadmapledger.platform.security.TokenDecoders;
import org.roadmapledger.platform.store.EventStoreSchema;
import org.roadmapledger.platform.web.CorrelationIdFilter;
import org.roadmapledger.platform.web.NoDownloadHintFilter;
import org.roadmapledger.platform.web.ProblemDocumentation;
import org.roadmapledger.platform.web.ProblemErrorReports;
import org.roadmapledger.platform.web.StrictJson;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * What every application of the ledger runs on, declared once: each application imports it (the standalone too,
 * once for both sides), so no side declares a copy and no bean needs a condition to coexist with another's.
 */
@Configuration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProofPlatform.class})
public class LedgerPlatform {

    /** The event store's names, for Axon's JDBC engine (writing on the command side, reading on the query side). */
    @Bean
    EventSchema eventSchema() {
        return EventStoreSchema.ledgerSchema();
    }

    @Bean
    HealthIndicator eventStoreHealthIndicator(ObjectProvider<EventStore> eventStore) {
        return new EventStoreHealthIndicator(eventStore);
    }

    /** Axon's processor and bus meters, with a capacity gauge of fixed memory ({@link LedgerMetricRegistry}). */
    @Bean
    GlobalMetricRegistry ledgerMetricRegistry(MeterRegistry meterRegistry) {
        return new LedgerMetricRegistry(meterRegistry);
    }

    @Bean
    CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    @Bean
    ProblemErrorReports problemErrorReports() {
        return new ProblemErrorReports();
    }

    /** Tokens of the configured issuer, or of the issuer this application runs itself. */
    @Bean
    JwtDecoder jwtDecoder(OidcProperties oidc, ObjectProvider<LocalIssuer> local) {
        LocalIssuer issuer = local.getIfAvailable();
        return issuer != null ? issuer.decoder(oidc) : TokenDecoders.fromIssuer(oidc);
    }

    /** The schema of problem responses in the OpenAPI document, which both sides' operations refer to. */
    @Bean
    OpenApiCustomizer problemSchema() {
        return ProblemDocumentation.problemSchema();
    }

    @Bean
    NoDownloadHintFilter noDownloadHintFilter() {
        return new NoDownloadHintFilter();
    }

    /** Request bodies are read strictly ({@link StrictJson}), on either side; what the API writes is unchanged. */
    @Bean
    WebMvcConfigurer strictRequestBodies() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                for (HttpMessageConverter<?> converter : converters) {
                    if (converter instanceof MappingJackson2HttpMessageConverter json) {
                        json.setObjectMapper(StrictJson.of(json.getObjectMapper()));
                    }
                }
            }
        };
    }
}

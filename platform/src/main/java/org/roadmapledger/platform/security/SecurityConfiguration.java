package org.roadmapledger.platform.security;

import jakarta.servlet.DispatcherType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.util.List;

/**
 * Every request carries a bearer token, except health, info, the API's description and what a side declares
 * public ({@link AccessRules}). Tokens are JWTs of the configured issuer ({@link TokenDecoders}); no session, no
 * cookie, so no CSRF to defend against; no CORS unless configured; Spring Security's headers on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({OidcProperties.class, RateLimitProperties.class})
public class SecurityConfiguration {

    /** The API's chain comes after any more specific one (the standalone's embedded issuer). */
    public static final int API_ORDER = 100;

    @Bean
    OpenApiCustomizer securityDocumentation(ObjectProvider<AccessRules> rules) {
        return new SecurityDocumentation(rules.orderedStream().toList());
    }

    @Bean
    @Order(API_ORDER)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<AccessRules> rules, JwtDecoder decoder,
                                    OidcProperties oidc, RateLimitProperties limits) throws Exception {
        List<AccessRules> declared = rules.orderedStream().toList();
        http.authorizeHttpRequests(requests -> {
                    // the dispatch of an error or a forward serves a request already authorized
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
                    requests.requestMatchers("/actuator/health", "/actuator/health/liveness",
                            "/actuator/health/readiness", "/actuator/info").permitAll();
                    requests.requestMatchers("/actuator/**").access(RequireRoles.anyOf(Role.OPERATOR));
                    requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                            "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    declared.forEach(r -> r.declare(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new RoleClaims(oidc)))
                        .authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
                .addFilterBefore(new RateLimitFilter.PerAddress(limits), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter.PerPrincipal(limits), BearerTokenAuthenticationFilter.class);
        return http.build();
    }
}

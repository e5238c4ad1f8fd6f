package org.roadmapledger.query.pages.login;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.roadmapledger.platform.security.OidcProperties;
import org.roadmapledger.platform.security.ProblemAccessDeniedHandler;
import org.roadmapledger.platform.security.ProblemAuthenticationEntryPoint;
import org.roadmapledger.platform.security.ProblemResponses;
import org.roadmapledger.platform.security.RateLimitFilter;
import org.roadmapledger.platform.security.RateLimitProperties;
import org.roadmapledger.platform.security.RequireRoles;
import org.roadmapledger.platform.security.RoleClaims;
import org.roadmapledger.platform.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Set;

import static org.roadmapledger.platform.security.Role.AUDITOR;
import static org.roadmapledger.platform.security.Role.COUNCIL;
import static org.roadmapledger.platform.security.Role.PROGRAMME_OFFICE;
import static org.roadmapledger.platform.security.Role.SERVICE;
import static org.roadmapledger.platform.security.Role.SPONSOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;

/**
 * Who may read the pages, and how a person logs in to them. The pages are read by whoever reads status (DESIGN),
 * by everyone with {@code LEDGER_PUBLIC_READS}. A browser without a login is sent to the configured issuer
 * (authorization code with PKCE, as the public client {@code ledger-pages}) and comes back to the page it asked
 * for; anything else gets the API's 401, and a bearer token is accepted as on the API. The login lives in a
 * session of its own (its own attributes, so that the standalone's issuer, on the same port, keeps its own), and
 * the session only remembers who logged in: each request is served on the access token, checked again
 * ({@link PageTokens}). Logging out ends the session here and, when the issuer says where, there too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageLoginProperties.class)
public class PagesSecurity {

    /** Before the API's chain, which would answer a browser with 401. */
    public static final int PAGES_ORDER = SecurityConfiguration.API_ORDER - 10;
    public static final String[] PAGES = {"/", "/pages/**"};
    static final String LOGOUT = "/pages/logout";

    @Bean
    PageClientRegistrations pageClientRegistrations(OidcProperties oidc, PageLoginProperties login) {
        return new PageClientRegistrations(oidc, login);
    }

    /** A person's tokens live in their session and end with it. */
    @Bean
    OAuth2AuthorizedClientRepository pageAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    @Order(PAGES_ORDER)
    SecurityFilterChain pagesFilterChain(HttpSecurity http, PageClientRegistrations registrations,
                                         OAuth2AuthorizedClientRepository clients, JwtDecoder decoder,
                                         OidcProperties oidc, RateLimitProperties limits,
                                         @Value("${ledger.public-reads:false}") boolean publicReads)
            throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey("LEDGER_PAGES_SECURITY_CONTEXT");
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setSessionAttrName("LEDGER_PAGES_SAVED_REQUEST");
        String loginStart = "/oauth2/authorization/" + registrations.registrationId();
        OidcClientInitiatedLogoutSuccessHandler loggedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        loggedOut.setPostLogoutRedirectUri("{baseUrl}/");
        loggedOut.setDefaultTargetUrl("/");

        http.securityMatcher("/", "/pages/**", "/oauth2/authorization/**", "/login/oauth2/code/**")
                .authorizeHttpRequests(authorize -> {
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
                    if (publicReads) {
                        authorize.requestMatchers(GET, PAGES).permitAll().requestMatchers(HEAD, PAGES).permitAll();
                    } else {
                        RequireRoles readers = RequireRoles.anyOf(COUNCIL, AUDITOR, SERVICE, PROGRAMME_OFFICE, SPONSOR);
                        authorize.requestMatchers(GET, PAGES).access(readers).requestMatchers(HEAD, PAGES).access(readers);
                    }
                    authorize.anyRequest().authenticated();
                })
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requests))
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .authorizedClientRepository(clients)
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(PagesSecurity::loginNotStarted);
                                return filter;
                            }
                        })
                        .securityContextRepository(contexts)
                        .loginPage(loginStart)
                        .userInfoEndpoint(users -> users.oidcUserService(new PageUsers(decoder, oidc)))
                        .failureHandler(PagesSecurity::loginFailed))
                .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessHandler(loggedOut))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new RoleClaims(oidc)))
                        .authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint(loginStart))
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
                .addFilterBefore(new PageTokens(clients, contexts, decoder, oidc), AuthorizationFilter.class)
                .addFilterBefore(new RateLimitFilter.PerAddress(limits), BearerTokenAuthenticationFilter.class)
                // after the login has become the caller, so that a person is counted as themselves
                .addFilterAfter(new RateLimitFilter.PerPrincipal(limits), PageTokens.class);
        return http.build();
    }

    /** A browser asking for a page goes to the login; a client that asks for anything else, or sent a token, 401. */
    private static AuthenticationEntryPoint entryPoint(String loginStart) {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        RequestMatcher browser = new AndRequestMatcher(html,
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("Authorization")));
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> points = new LinkedHashMap<>();
        points.put(browser, new LoginUrlAuthenticationEntryPoint(loginStart));
        DelegatingAuthenticationEntryPoint delegating = new DelegatingAuthenticationEntryPoint(points);
        delegating.setDefaultEntryPoint(new ProblemAuthenticationEntryPoint());
        return delegating;
    }

    /** The login could not start: no such client here (404), or its issuer did not answer its discovery (503). */
    private static void loginNotStarted(HttpServletRequest request, HttpServletResponse response,
                                        org.springframework.security.core.AuthenticationException failure)
            throws IOException {
        boolean issuerDown = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            issuerDown |= cause instanceof PageClientRegistrations.IssuerUnavailable;
        }
        if (issuerDown) {
            ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "issuer-unavailable",
                    "Issuer unavailable", "the issuer did not answer: try to log in again in a moment");
        } else {
            ProblemResponses.write(response, HttpServletResponse.SC_NOT_FOUND, "not-found", "Not found",
                    "no such login here: log in from a page");
        }
    }

    /** A refused login is not sent back to the issuer (it would refuse again, in a loop): it is said. */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
                                    org.springframework.security.core.AuthenticationException failure)
            throws IOException {
        ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "login-refused", "Login refused",
                "the issuer's answer was not accepted; log in again from the page");
    }
}

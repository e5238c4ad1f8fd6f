package org.roadmapledger.standalone.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The people of the standalone's issuer: one demo user per role, named like the demo clients (a sponsor of ANS is
 * {@code sponsor-ans}), each with a password made at the first start in {@code <data-dir>/identity/<user>.password};
 * they log in on the issuer's login page, for the pages' client {@code ledger-pages} (public: authorization code
 * with PKCE, no secret).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedIssuerCondition.class)
class DemoUsers {

    static final String PAGES_CLIENT = "ledger-pages";

    static RegisteredClient pagesClient(String issuer, Duration lifetime) {
        return RegisteredClient.withId(PAGES_CLIENT).clientId(PAGES_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(issuer + "/login/oauth2/code/" + PAGES_CLIENT)
                .postLogoutRedirectUri(issuer + "/")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(lifetime).build())
                .build();
    }

    @Bean
    UserDetailsService demoUsers(IdentityFiles files) throws IOException {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> users = new ArrayList<>();
        for (DemoClient identity : DemoClient.ALL) {
            users.add(User.withUsername(identity.clientId()).password(encoder.encode(files.password(identity.clientId())))
                    .roles(identity.role().claimValue()).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** The login page of the issuer: a form, a session for the time of the login, CSRF-protected. */
    @Bean
    @Order(2)
    SecurityFilterChain loginSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/login", "/logout")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }
}

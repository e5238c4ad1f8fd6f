package org.roadmapledger.standalone.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.roadmapledger.command.LedgerProperties;
import org.roadmapledger.platform.security.LocalIssuer;
import org.roadmapledger.platform.security.OidcProperties;
import org.roadmapledger.platform.security.TokenDecoders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The standalone's own OpenID Connect issuer (Spring Authorization Server), on the ledger's port: one demo client
 * per role and one demo user of the same name for the pages ({@link DemoUsers}), whose tokens carry the ledger's audience, the role and, for the sponsor, its entity. Its key and the
 * clients' secrets are made at the first start and kept in {@code <data-dir>/identity} ({@link IdentityFiles}).
 * The API checks its tokens like any issuer's, against its key in memory ({@link LocalIssuer}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedIssuerCondition.class)
class EmbeddedIssuerConfiguration {

    @Bean
    IdentityFiles identityFiles(LedgerProperties properties) {
        return new IdentityFiles(properties.dataDir());
    }

    @Bean
    RSAKey issuerKey(IdentityFiles files) throws IOException {
        return files.signingKey();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey issuerKey) {
        return new ImmutableJWKSet<>(new JWKSet(issuerKey));
    }

    @Bean
    LocalIssuer localIssuer(RSAKey issuerKey) {
        return (OidcProperties oidc) -> {
            try {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(issuerKey.toRSAPublicKey())
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build();
                decoder.setJwtValidator(TokenDecoders.validator(oidc));
                return decoder;
            } catch (JOSEException e) {
                throw new IllegalStateException("the embedded issuer's key has no public part", e);
            }
        };
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OidcProperties oidc) {
        return AuthorizationServerSettings.builder().issuer(oidc.issuer()).build();
    }

    @Bean
    RegisteredClientRepository demoClients(IdentityFiles files, OidcProperties oidc,
                                           @Value("${ledger.identity.token-lifetime:30m}") Duration lifetime)
            throws IOException {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<RegisteredClient> clients = new ArrayList<>();
        for (DemoClient client : DemoClient.ALL) {
            clients.add(RegisteredClient.withId(client.clientId()).clientId(client.clientId())
                    .clientSecret(encoder.encode(files.secret(client.clientId())))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(lifetime).build())
                    .build());
        }
        clients.add(DemoUsers.pagesClient(oidc.issuer(), lifetime));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * What the ledger reads in a token: its audience, the role and a sponsor's entity of the demo client (client
     * credentials) or of the demo user who logged in to the pages (authorization code), who share their names.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> ledgerClaims(OidcProperties oidc) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            String clientId = context.getRegisteredClient().getClientId();
            boolean client = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
            String who = client ? clientId : context.getPrincipal().getName();
            DemoClient.ALL.stream().filter(c -> c.clientId().equals(who)).findFirst().ifPresent(identity -> {
                context.getClaims().audience(List.of(oidc.audience())).claim("client_id", clientId)
                        .claim(oidc.rolesClaim(), List.of(identity.role().claimValue()));
                if (!client) {
                    context.getClaims().claim("name", who);
                }
                if (identity.entity() != null) {
                    context.getClaims().claim(oidc.entityClaim(), identity.entity());
                }
            });
        };
    }

    /** The issuer's endpoints, before the API's chain: token, keys, discovery. */
    @Bean
    @Order(1)
    SecurityFilterChain issuerSecurity(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer issuer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(issuer.getEndpointsMatcher())
                .with(issuer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(issuer.getEndpointsMatcher()))
                // a person asking for a code in a browser logs in first (DemoUsers' login page)
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }
}

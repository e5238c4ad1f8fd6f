package org.roadmapledger.query.pages.login;

import org.roadmapledger.platform.security.OidcProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

import java.util.Map;

/**
 * The pages' one client of the issuer. Built at the first login, not at start-up: the standalone is its own issuer
 * and answers its discovery only once it is up, and the ledger starts while an external issuer is down. A failed
 * discovery is tried again at the next login.
 */
final class PageClientRegistrations implements ClientRegistrationRepository {

    private final OidcProperties oidc;
    private final PageLoginProperties login;
    private volatile ClientRegistration registration;

    PageClientRegistrations(OidcProperties oidc, PageLoginProperties login) {
        this.oidc = oidc;
        this.login = login;
    }

    String registrationId() {
        return login.clientId();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!login.clientId().equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = build();
            registration = known;
        }
        return known;
    }

    /** The issuer's metadata could not be read: the login cannot start now (503), and is tried again next time. */
    static final class IssuerUnavailable extends RuntimeException {
        IssuerUnavailable(String issuer, Exception cause) {
            super("the issuer " + issuer + " did not answer its discovery: " + cause.getMessage(), cause);
        }
    }

    private ClientRegistration build() {
        try {
            return describe();
        } catch (RuntimeException e) {
            throw new IssuerUnavailable(oidc.issuer(), e);
        }
    }

    private ClientRegistration describe() {
        ClientRegistration.Builder builder = login.named()
                ? ClientRegistration.withRegistrationId(login.clientId())
                .authorizationUri(login.authorizationUri()).tokenUri(login.tokenUri())
                .issuerUri(oidc.issuer())
                .providerConfigurationMetadata(PageLoginProperties.present(login.endSessionUri())
                        ? Map.of("end_session_endpoint", login.endSessionUri()) : Map.of())
                : ClientRegistrations.fromIssuerLocation(oidc.issuer()).registrationId(login.clientId());
        String keys = PageLoginProperties.present(login.jwkSetUri()) ? login.jwkSetUri() : oidc.jwkSetUri();
        if (PageLoginProperties.present(keys)) {
            builder.jwkSetUri(keys);
        }
        return builder.clientId(login.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .userInfoUri(null)
                .build();
    }
}

package org.roadmapledger.platform.security;

import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * An issuer running in this very application (the standalone's): its tokens are checked against its keys in
 * memory, with the same rules as any issuer's, rather than over HTTP to itself.
 */
public interface LocalIssuer {

    JwtDecoder decoder(OidcProperties properties);
}

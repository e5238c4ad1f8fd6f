package org.roadmapledger.standalone.identity;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The standalone runs its own issuer unless told to trust another: {@code ledger.oidc.issuer}
 * ({@code LEDGER_OIDC_ISSUER}, however given) naming any issuer but its own address turns it off, as does
 * {@code ledger.identity.embedded-issuer=false}.
 */
class EmbeddedIssuerCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        String issuer = environment.getProperty("ledger.oidc.issuer");
        String own = "http://localhost:" + environment.getProperty("server.port", "8080");
        return (issuer == null || issuer.isBlank() || issuer.equals(own))
                && environment.getProperty("ledger.identity.embedded-issuer", Boolean.class, true);
    }
}

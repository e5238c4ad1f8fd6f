package org.roadmapledger.standalone.identity;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The standalone runs its own issuer unless told to trust another: {@code LEDGER_OIDC_ISSUER} naming one turns
 * it off (or {@code ledger.identity.embedded-issuer=false}).
 */
class EmbeddedIssuerCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        String other = environment.getProperty("LEDGER_OIDC_ISSUER");
        return (other == null || other.isBlank())
                && environment.getProperty("ledger.identity.embedded-issuer", Boolean.class, true);
    }
}

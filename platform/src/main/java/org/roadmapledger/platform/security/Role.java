package org.roadmapledger.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles of the ledger (DESIGN, "Identity and roles"), as they appear in a token's roles claim. A principal may
 * hold several: their rights add up.
 */
public enum Role {

    PROGRAMME_OFFICE,
    SPONSOR,
    COUNCIL,
    AUDITOR,
    SERVICE,
    OPERATOR;

    private static final String AUTHORITY_PREFIX = "ROLE_";

    /** As in the roles claim: {@code programme-office}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** As Spring Security holds it: {@code ROLE_programme-office}. */
    public String authority() {
        return AUTHORITY_PREFIX + claimValue();
    }

    public static Optional<Role> ofClaimValue(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue().equals(value)).findFirst();
    }

    public static Optional<Role> ofAuthority(String authority) {
        return authority != null && authority.startsWith(AUTHORITY_PREFIX)
                ? ofClaimValue(authority.substring(AUTHORITY_PREFIX.length())) : Optional.empty();
    }
}

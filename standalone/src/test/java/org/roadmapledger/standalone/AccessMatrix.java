package org.roadmapledger.standalone;

import org.roadmapledger.platform.security.Role;

import java.util.EnumSet;
import java.util.Set;

import static org.roadmapledger.platform.security.Role.AUDITOR;
import static org.roadmapledger.platform.security.Role.COUNCIL;
import static org.roadmapledger.platform.security.Role.OPERATOR;
import static org.roadmapledger.platform.security.Role.PROGRAMME_OFFICE;
import static org.roadmapledger.platform.security.Role.SERVICE;
import static org.roadmapledger.platform.security.Role.SPONSOR;

/**
 * The table of DESIGN's "Identity and roles", read for each endpoint independently of the ledger's own access
 * table: which roles may call it. Where DESIGN is silent the choice is said here (sponsors read status: they write
 * conditionally on an objective's version).
 */
final class AccessMatrix {

    static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);
    /** Open to anyone, without a token. */
    static final Set<Role> PUBLIC = null;

    private AccessMatrix() {
    }

    static Set<Role> allowed(String method, String path) {
        if (path.startsWith("/actuator/health") || path.equals("/actuator/info") || path.startsWith("/v3/api-docs")) {
            return PUBLIC;
        }
        if (path.startsWith("/actuator") || path.startsWith("/api/admin")) {
            return EnumSet.of(OPERATOR);
        }
        if (path.startsWith("/api/subscriptions") || path.startsWith("/api/events/stream")) {
            return EnumSet.of(SERVICE);
        }
        if (path.endsWith("/history") || path.equals("/api/access-log")) {
            return EnumSet.of(AUDITOR, PROGRAMME_OFFICE);
        }
        if (path.endsWith("/proof") || path.endsWith("/verification") || path.startsWith("/api/verification")
                || path.startsWith("/api/exports")) {
            return EnumSet.of(AUDITOR, PROGRAMME_OFFICE);
        }
        if (path.equals("/api/seals") && method.equals("POST")) {
            return EnumSet.of(PROGRAMME_OFFICE);
        }
        if (path.startsWith("/api/seals") || path.equals("/api/ledger/keys")) {
            return EnumSet.of(COUNCIL, AUDITOR, PROGRAMME_OFFICE);
        }
        if (method.equals("GET") && (path.equals("/api/roadmap") || path.startsWith("/api/objectives"))) {
            return EnumSet.of(COUNCIL, AUDITOR, SERVICE, PROGRAMME_OFFICE, SPONSOR);
        }
        if (path.equals("/api/roadmap/import") || (method.equals("POST") && path.equals("/api/objectives"))
                || path.endsWith("/placement") || path.endsWith("/sponsor")) {
            return EnumSet.of(PROGRAMME_OFFICE);
        }
        if (path.startsWith("/api/objectives")) {
            // milestones, status reports, the description: a sponsor on its own objectives (checked apart)
            return EnumSet.of(PROGRAMME_OFFICE, SPONSOR);
        }
        return NOBODY;
    }
}

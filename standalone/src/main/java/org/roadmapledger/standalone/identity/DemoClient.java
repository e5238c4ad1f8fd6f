package org.roadmapledger.standalone.identity;

import org.roadmapledger.platform.security.Role;

import java.util.List;

/**
 * A client of the embedded issuer, one per role, to try the ledger with: it gets tokens by the client credentials
 * grant, with its secret from {@code <data-dir>/identity/<client>.secret}.
 */
record DemoClient(String clientId, Role role, String entity) {

    static final List<DemoClient> ALL = List.of(
            new DemoClient("programme-office", Role.PROGRAMME_OFFICE, null),
            new DemoClient("sponsor-ans", Role.SPONSOR, "ANS"),
            new DemoClient("council", Role.COUNCIL, null),
            new DemoClient("auditor", Role.AUDITOR, null),
            new DemoClient("service", Role.SERVICE, null),
            new DemoClient("operator", Role.OPERATOR, null));
}

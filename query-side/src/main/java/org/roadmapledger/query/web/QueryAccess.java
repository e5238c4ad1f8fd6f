package org.roadmapledger.query.web;

import org.roadmapledger.platform.security.AccessRules;
import org.roadmapledger.platform.security.Grant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.roadmapledger.platform.security.Grant.roles;
import static org.roadmapledger.platform.security.Role.AUDITOR;
import static org.roadmapledger.platform.security.Role.COUNCIL;
import static org.roadmapledger.platform.security.Role.OPERATOR;
import static org.roadmapledger.platform.security.Role.PROGRAMME_OFFICE;
import static org.roadmapledger.platform.security.Role.SERVICE;
import static org.roadmapledger.platform.security.Role.SPONSOR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may call the query API (DESIGN, "Identity and roles"). Status is read by the council, auditors, services,
 * the programme office and sponsors (who need an objective's version to write to it); histories and the access
 * log, proofs, verification and exports by auditors and the programme office; seals and the keys that sign them
 * by the council too; the event stream and subscriptions by services (a subscription is
 * its creator's alone: {@code SubscriptionController}); operations by operators.
 */
@Configuration(proxyBeanMethods = false)
class QueryAccess {

    static final String[] STATUS = {"/api/roadmap", "/api/objectives", "/api/objectives/*"};

    @Bean
    AccessRules queryAccessRules(@Value("${ledger.public-reads:false}") boolean publicReads) {
        AccessRules rules = AccessRules.of(
                Grant.of(GET, roles(AUDITOR, PROGRAMME_OFFICE), "/api/objectives/*/history", "/api/access-log",
                        "/api/objectives/*/proof", "/api/objectives/*/verification", "/api/verification/*",
                        "/api/exports/*"),
                Grant.of(POST, roles(AUDITOR, PROGRAMME_OFFICE), "/api/verification"),
                Grant.of(GET, roles(COUNCIL, AUDITOR, PROGRAMME_OFFICE), "/api/seals", "/api/seals/*",
                        "/api/seals/*/changes", "/api/ledger/keys"),
                Grant.of(GET, roles(COUNCIL, AUDITOR, SERVICE, PROGRAMME_OFFICE, SPONSOR), STATUS),
                Grant.of(GET, roles(SERVICE), "/api/events/stream"),
                Grant.of(GET, roles(SERVICE), "/api/subscriptions", "/api/subscriptions/**"),
                Grant.of(POST, roles(SERVICE), "/api/subscriptions", "/api/subscriptions/**"),
                Grant.of(DELETE, roles(SERVICE), "/api/subscriptions/*"),
                Grant.of(GET, roles(OPERATOR), "/api/admin/**"),
                Grant.of(POST, roles(OPERATOR), "/api/admin/**"),
                Grant.of(DELETE, roles(OPERATOR), "/api/admin/**"));
        return publicReads ? rules.withPublicReads(STATUS) : rules;
    }
}

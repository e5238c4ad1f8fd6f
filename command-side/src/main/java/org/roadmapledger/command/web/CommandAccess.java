package org.roadmapledger.command.web;

import org.roadmapledger.platform.security.AccessRules;
import org.roadmapledger.platform.security.Grant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.roadmapledger.platform.security.Grant.roles;
import static org.roadmapledger.platform.security.Role.PROGRAMME_OFFICE;
import static org.roadmapledger.platform.security.Role.SPONSOR;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call the command API (DESIGN, "Identity and roles"). A sponsor reaches the commands it may send;
 * whether the objective is its own is decided by the objective itself ({@code CommandRights}).
 */
@Configuration(proxyBeanMethods = false)
class CommandAccess {

    private static final String OBJECTIVE = "/api/objectives/*";

    @Bean
    AccessRules commandAccessRules() {
        return AccessRules.of(
                Grant.of(POST, roles(PROGRAMME_OFFICE), "/api/objectives", "/api/roadmap/import", "/api/seals"),
                Grant.of(PUT, roles(PROGRAMME_OFFICE), OBJECTIVE + "/placement", OBJECTIVE + "/sponsor"),
                Grant.of(PATCH, roles(PROGRAMME_OFFICE, SPONSOR), OBJECTIVE),
                Grant.of(POST, roles(PROGRAMME_OFFICE, SPONSOR), OBJECTIVE + "/milestones",
                        OBJECTIVE + "/milestones/*/achievement", OBJECTIVE + "/milestones/*/achievement/revocation",
                        OBJECTIVE + "/status-reports"),
                Grant.of(PUT, roles(PROGRAMME_OFFICE, SPONSOR), OBJECTIVE + "/milestones/*/due-on"));
    }
}

package org.roadmapledger.query.pages;

import org.roadmapledger.platform.security.Caller;
import org.roadmapledger.platform.security.Role;

import java.util.stream.Collectors;

/**
 * Who reads a page, as the header shows it: a name and the roles the ledger knows them by.
 *
 * @param session logged in to the pages (rather than sending a bearer token): the page offers to log out
 */
public record PageViewer(String name, String roles, boolean auditor, boolean session) {

    static PageViewer of(Caller caller, boolean session) {
        return new PageViewer(caller.name() != null ? caller.name() : caller.subject(),
                caller.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(", ")),
                caller.has(Role.AUDITOR) || caller.has(Role.PROGRAMME_OFFICE), session);
    }
}

package org.roadmapledger.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.roadmapledger.platform.web.ProblemDocumentation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenAPI document's side of identity: a bearer scheme Swagger UI can authorize with, required by every
 * operation that is not public, and each operation's roles (in its description and in {@code x-roles}), read from
 * the same access tables that guard the endpoints.
 */
final class SecurityDocumentation implements OpenApiCustomizer {

    static final String SCHEME = "bearer";

    private final List<AccessRules> tables;

    SecurityDocumentation(List<AccessRules> tables) {
        this.tables = tables;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("an access token of the configured OpenID Connect issuer (LEDGER_OIDC_ISSUER)"));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(HttpMethod.valueOf(method.name()), path, operation)));
    }

    private void document(HttpMethod method, String path, Operation operation) {
        if (path.startsWith("/actuator/health") || path.equals("/actuator/info")) {
            return;
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        boolean open = tables.stream().anyMatch(t -> t.isPublic(method, path));
        if (!open) {
            operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            operation.getResponses().addApiResponse("401", ProblemDocumentation.problem(
                    "no bearer token, or one that is not valid here (`WWW-Authenticate: Bearer` says why)"));
            operation.getResponses().addApiResponse("403", ProblemDocumentation.problem(
                    "the token does not give the right: the detail names the role needed"));
        }
        operation.getResponses().addApiResponse("429", ProblemDocumentation.problem(
                "over the caller's rate limit: retry after `Retry-After` seconds"));
        Optional<Set<Role>> roles = tables.stream().map(t -> t.rolesFor(method, path)).flatMap(Optional::stream)
                .findFirst();
        roles.ifPresent(r -> {
            List<String> names = r.stream().map(Role::claimValue).sorted().toList();
            operation.addExtension("x-roles", names);
            String said = (open ? "Public when LEDGER_PUBLIC_READS=true; otherwise needs " : "Needs ")
                    + RequireRoles.describe(r) + ".";
            operation.setDescription(operation.getDescription() == null ? said
                    : operation.getDescription() + "\n\n" + said);
        });
    }
}

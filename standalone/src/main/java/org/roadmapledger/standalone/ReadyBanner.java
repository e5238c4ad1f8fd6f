package org.roadmapledger.standalone;

import org.roadmapledger.command.LedgerProperties;
import org.roadmapledger.platform.security.OidcProperties;
import org.roadmapledger.standalone.identity.IdentityFiles;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/** Tells whoever started the ledger where its data lives and where to reach it. */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final LedgerProperties properties;
    private final OidcProperties oidc;
    private final ObjectProvider<IdentityFiles> embeddedIssuer;

    ReadyBanner(LedgerProperties properties, OidcProperties oidc, ObjectProvider<IdentityFiles> embeddedIssuer) {
        this.properties = properties;
        this.oidc = oidc;
        this.embeddedIssuer = embeddedIssuer;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Path data = properties.dataDir().toAbsolutePath().normalize();
        String base = "http://localhost:" + port(event);
        log.info("""
                Roadmap Ledger is running.
                  data:       {} (event store in postgres/, views in mongo/; LEDGER_DATA_DIR to move it)
                  pages:      {}/ (the council pages; log in as a demo user, e.g. council, or with LEDGER_PUBLIC_READS=true)
                  API:        {}/api/roadmap  {}/api/objectives
                  Swagger UI: {}/swagger-ui.html (OpenAPI: {}/v3/api-docs)
                  health:     {}/actuator/health
                  identity:   {}""", data, base, base, base, base, base, base, identity(base));
    }

    // the secrets stay in their files: the banner says where they are and how to use them
    private String identity(String base) {
        IdentityFiles files = embeddedIssuer.getIfAvailable();
        if (files == null) {
            return "tokens of " + oidc.issuer() + " (LEDGER_OIDC_ISSUER), audience " + oidc.audience();
        }
        return "embedded issuer " + oidc.issuer() + " (LEDGER_OIDC_ISSUER to use another); one demo client per "
                + "role: programme-office, sponsor-ans, council, auditor, service, operator, their secrets in "
                + files.directory() + " (<client>.secret; demo users of the same names log in with <user>.password)\n"
                + "  a token:    curl -s -u programme-office:$(cat " + files.directory().resolve("programme-office.secret")
                + ") -d grant_type=client_credentials " + base + "/oauth2/token";
    }

    private static int port(ApplicationReadyEvent event) {
        return event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null ? web.getWebServer().getPort() : -1;
    }
}

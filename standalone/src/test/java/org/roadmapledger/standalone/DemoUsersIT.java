package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person logs in to the standalone's issuer as a browser would for the pages: authorization code with PKCE for
 * the public client {@code ledger-pages}, the demo user's password from the data directory; the token it gets
 * carries the user's role, and nothing but PKCE gets a code exchanged.
 */
class DemoUsersIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    @TempDir
    Path dataDir;

    @Test
    void an_auditor_logs_in_with_pkce_and_reads_a_history_that_the_council_may_not() throws Exception {
        int port = StandaloneProcess.freePort();
        String base = "http://localhost:" + port;
        String redirect = base + "/login/oauth2/code/ledger-pages";
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerStandaloneApplication.class)
                .run("--server.port=" + port, "--ledger.data-dir=" + dataDir.toAbsolutePath(),
                        Standalone.UNLIMITED[0], Standalone.UNLIMITED[1])) {
            Http http = Http.standalone(port, dataDir);
            await().atMost(Duration.ofMinutes(2)).until(() -> http.get("/actuator/health/readiness").status() == 200);

            // when
            String auditor = login(base, redirect, "auditor", true);
            String council = login(base, redirect, "council", true);

            // then
            assertThat(get(base + "/api/objectives/1.01/history", auditor)).isEqualTo(200);
            assertThat(get(base + "/api/objectives/1.01/history", council)).isEqualTo(403);
            assertThat(get(base + "/api/objectives/1.01", council)).isEqualTo(200);
            assertThat(login(base, redirect, "auditor", false)).as("a code without its verifier").isNull();
        }
    }

    /** The browser's path through the login; the access token, or null when the code is refused. */
    private String login(String base, String redirect, String user, boolean withVerifier) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = base + "/oauth2/authorize?response_type=code&client_id=ledger-pages&scope=openid"
                + "&state=s1&redirect_uri=" + encode(redirect) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256";

        HttpResponse<String> toLogin = send(browser, HttpRequest.newBuilder(URI.create(authorize))
                .header("Accept", "text/html").GET());
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Accept", "text/html").GET());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String password = Files.readString(dataDir.resolve("identity").resolve(user + ".password")).trim();
        HttpResponse<String> loggedIn = send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + encode(password)
                        + "&_csrf=" + encode(csrf.group(1)))));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> back = send(browser, HttpRequest.newBuilder(
                URI.create(loggedIn.headers().firstValue("Location").orElseThrow())).header("Accept", "text/html").GET());
        String location = back.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect).contains("state=s1");
        Matcher code = CODE.matcher(location);
        assertThat(code.find()).isTrue();

        HttpResponse<String> token = send(browser, HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=ledger-pages"
                        + "&code=" + code.group(1) + "&redirect_uri=" + encode(redirect)
                        + (withVerifier ? "&code_verifier=" + verifier : ""))));
        if (token.statusCode() != 200) {
            return null;
        }
        return new ObjectMapper().readTree(token.body()).get("access_token").asText();
    }

    private static int get(String url, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

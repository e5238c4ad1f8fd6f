package org.roadmapledger.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages of a standalone whose reads are not public: a person logs in through the standalone's issuer
 * (authorization code with PKCE) in a real browser and comes back to the page they asked for, with what their role
 * may see; logging out ends both sessions; a client that is not a browser gets the API's answers.
 */
class PageLoginIT {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext ledger;
    private static Http http;
    private static String base;
    private ChromeDriver browser;

    @BeforeAll
    static void start() {
        // a fixed port: the embedded issuer names itself, and the pages' return address, by it
        int port = StandaloneProcess.freePort();
        base = "http://localhost:" + port;
        ledger = new SpringApplicationBuilder(LedgerStandaloneApplication.class).run("--server.port=" + port,
                "--ledger.data-dir=" + dataDir.toAbsolutePath(), Standalone.UNLIMITED[0], Standalone.UNLIMITED[1]);
        http = Standalone.http(ledger);
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/roadmap").status() == 200);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_person_logs_in_through_the_issuer_comes_back_to_the_page_asked_for_and_logs_out_of_both() throws Exception {
        Http.Response reassigned = http.put("/api/objectives/1.01/sponsor", "{\"sponsor\":\"DNS\",\"reason\":"
                + "\"Transfert au ministère\"}");
        assertThat(reassigned.status()).isEqualTo(200);
        long events = reassigned.json().path("version").asLong() + 1;
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/objectives/1.01/history?size=1").json()
                .path("totalItems").asLong() == events);
        browser = Browser.open("fr");

        browser.get(base + "/pages/objectives/1.01");
        logIn("auditor");

        await().atMost(Duration.ofSeconds(10)).until(browser::getCurrentUrl,
                url -> url.startsWith(base + "/pages/objectives/1.01"));
        assertThat(browser.findElement(By.id("viewer")).getAttribute("data-roles")).isEqualTo("auditor");
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status")).isNotBlank();
        Browser.screenshot(browser, "objective-auditor");
        var newest = browser.findElement(By.cssSelector("#history tbody tr"));
        assertThat(newest.getAttribute("data-sequence")).isEqualTo(String.valueOf(events - 1));
        assertThat(newest.findElement(By.className("reason")).getText()).isEqualTo("Transfert au ministère");
        assertThat(newest.findElement(By.className("actor")).getText()).contains("programme-office");
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize((int) Math.min(50, events));
        assertThat(browser.findElement(By.id("proof")).getAttribute("data-valid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("proof")).getAttribute("data-events")).isEqualTo(String.valueOf(events));
        assertThat(http.getJson("/api/access-log?size=10").path("items").findValuesAsText("clientId"))
                .as("the page's reads are in the access log, by the person").contains("ledger-pages");
        assertThat(Browser.seriousViolations(browser)).as("the auditor's view, scanned by axe-core").isEmpty();

        browser.findElement(By.id("logout")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.id("viewer")).isEmpty());
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).as("logged out of the issuer too").isEqualTo(base + "/login");
    }

    @Test
    void a_council_member_sees_the_objective_without_its_audit_history() throws Exception {
        browser = Browser.open("fr");

        browser.get(base + "/pages/objectives/1.02");
        logIn("council");

        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("viewer")).isEmpty());
        assertThat(browser.findElement(By.id("viewer")).getAttribute("data-roles")).isEqualTo("council");
        assertThat(browser.findElements(By.id("timeline-table"))).hasSize(1);
        assertThat(browser.findElements(By.id("history"))).isEmpty();
        assertThat(browser.findElements(By.id("proof"))).isEmpty();
    }

    @Test
    void a_council_member_reads_an_objectives_status_on_a_date_as_presented_at_a_council_by_clicking() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate onDate = today.minusDays(30);
        assertThat(http.post("/api/objectives/1.07/status-reports", "{\"status\":\"ON_TRACK\",\"effectiveOn\":\""
                + today.minusDays(60) + "\"}").status()).isEqualTo(201);
        Http.Response sealed = http.post("/api/seals", "{\"label\":\"Conseil du numérique en santé\"}");
        assertThat(sealed.status()).isEqualTo(201);
        String sealId = sealed.json().path("sealId").asText();
        // recorded after the council, effective before the date asked about: a retroactive correction
        assertThat(http.post("/api/objectives/1.07/status-reports", "{\"status\":\"LATE\",\"effectiveOn\":\""
                + today.minusDays(45) + "\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.getJson("/api/objectives/1.07").path("status")
                .asText().equals("LATE"));
        browser = Browser.open("fr");
        browser.get(base + "/");
        logIn("council");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("seal")).isEmpty());

        new Select(browser.findElement(By.id("seal"))).selectByValue(sealId);
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("validAt")),
                onDate.toString());
        browser.findElement(By.id("apply")).click();
        await().atMost(Duration.ofSeconds(10)).until(browser::getCurrentUrl, url -> url.contains("seal=" + sealId));
        Browser.screenshot(browser, "roadmap-as-sealed");

        assertThat(browser.getCurrentUrl()).contains("validAt=" + onDate);
        assertThat(status("1.07")).as("as presented at the council").isEqualTo("ON_TRACK");
        browser.get(base + "/?validAt=" + onDate);
        assertThat(status("1.07")).as("as known now, with the correction").isEqualTo("LATE");
    }

    private String status(String objectiveId) {
        return browser.findElement(By.cssSelector("tr[data-objective='" + objectiveId + "'] [data-status]"))
                .getAttribute("data-status");
    }

    @Test
    void a_role_that_does_not_read_status_logs_in_and_is_refused_the_pages() throws Exception {
        browser = Browser.open("fr");

        browser.get(base + "/");
        logIn("operator");

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("forbidden"));
        assertThat(browser.getPageSource()).contains("one of the roles");
    }

    @Test
    void a_client_that_is_not_a_browser_gets_the_apis_answers() throws Exception {
        assertThat(get("/", "*/*", null).statusCode()).isEqualTo(401);
        assertThat(get("/", "*/*", null).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        HttpResponse<String> browserLike = get("/", "text/html", null);
        assertThat(browserLike.statusCode()).isEqualTo(302);
        assertThat(browserLike.headers().firstValue("Location")).hasValue(base + "/oauth2/authorization/ledger-pages");

        HttpResponse<String> withToken = get("/", "text/html", http.bearer("GET", "/api/roadmap"));
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.headers().firstValue("Set-Cookie")).as("no session for a bearer token").isEmpty();
        assertThat(get("/oauth2/authorization/elsewhere", "text/html", null).statusCode()).isEqualTo(404);
        assertThat(get("/", "text/html", http.bearer("POST", "/api/admin/replay")).statusCode()).isEqualTo(403);
        assertThat(get("/", "text/html", "Bearer not-a-token").statusCode()).isEqualTo(401);
    }

    private void logIn(String user) throws IOException {
        await().atMost(Duration.ofSeconds(10)).until(browser::getCurrentUrl, url -> url.equals(base + "/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(
                Files.readString(dataDir.resolve("identity").resolve(user + ".password")).trim());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private HttpResponse<String> get(String path, String accept, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The council pages in a real browser (headless Chromium), against a standalone whose status reads are public: what a
 * page shows is what the API answers for the same dates, the date controls change it as the API says, a backdated
 * correction is drawn at its effective date with its recording date, and the keyboard reaches every control.
 */
class CouncilPagesIT {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext ledger;
    private static Http http;
    private static String base;
    private ChromeDriver browser;

    @BeforeAll
    static void start() {
        ledger = Standalone.start(dataDir, "--ledger.public-reads=true");
        http = Standalone.http(ledger);
        base = "http://localhost:" + ((WebServerApplicationContext) ledger).getWebServer().getPort();
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/roadmap").status() == 200
                && http.getJson("/api/roadmap").path("rollup").path("objectives").asInt() == 65);
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
    void the_roadmap_page_shows_the_apis_rollups_now_and_at_the_date_the_control_sets() {
        browser = Browser.open("fr");
        browser.get(base + "/");
        Browser.screenshot(browser, "roadmap-now");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.id("rollup-title")).getText()).isEqualTo("Ensemble de la feuille de route");
        assertThat(rollup()).isEqualTo(apiRollup(""));
        assertThat(browser.findElements(By.cssSelector("tr[data-objective]"))).hasSize(65);

        // a date field's typing order follows the browser's locale; the value is what the form sends
        browser.executeScript("arguments[0].value = '2024-06-30'", browser.findElement(By.id("validAt")));
        browser.findElement(By.id("apply")).click();
        await().atMost(Duration.ofSeconds(10)).until(browser::getCurrentUrl, url -> url.contains("validAt="));
        Browser.screenshot(browser, "roadmap-2024-06-30");

        assertThat(browser.getCurrentUrl()).contains("validAt=2024-06-30");
        assertThat(rollup()).isEqualTo(apiRollup("?validAt=2024-06-30"));
    }

    @Test
    void an_objective_page_shows_its_status_and_a_backdated_correction_at_its_effective_date() {
        LocalDate past = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(20);
        assertThat(http.post("/api/objectives/1.02/status-reports", "{\"status\":\"AT_RISK\",\"progressPercent\":30,"
                + "\"effectiveOn\":\"" + past + "\"}").status()).isEqualTo(201);
        JsonNode api = await().atMost(Duration.ofSeconds(10)).until(() -> http.getJson("/api/objectives/1.02"),
                view -> view.path("status").asText().equals("AT_RISK"));
        browser = Browser.open("fr");

        browser.get(base + "/pages/objectives/1.02");
        Browser.screenshot(browser, "objective");

        assertThat(browser.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("AT_RISK");
        assertThat(browser.findElement(By.id("version")).getText()).isEqualTo(api.path("version").asText());
        WebElement backdated = browser.findElement(By.cssSelector(
                "#timeline g[data-kind='StatusReported'][data-backdated='true']"));
        assertThat(backdated.getAttribute("data-effective")).isEqualTo(past.toString());
        assertThat(backdated.getAttribute("data-recorded"))
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Paris")).toString());
        assertThat(browser.findElements(By.cssSelector("#timeline-table .fr-badge--new"))).isNotEmpty();
    }

    @Test
    void a_long_history_is_drawn_and_listed_fifty_events_a_page_the_newest_first() {
        for (int i = 0; i < 55; i++) {
            assertThat(http.post("/api/objectives/1.04/status-reports", "{\"status\":\"ON_TRACK\",\"progressPercent\":"
                    + i + "}").status()).isEqualTo(201);
        }
        long events = http.getJson("/api/objectives/1.04?minVersion=56").path("version").asLong() + 1;
        browser = Browser.open("fr");

        browser.get(base + "/pages/objectives/1.04");
        List<WebElement> newest = browser.findElements(By.cssSelector("#timeline-table tr[data-sequence]"));
        assertThat(newest).hasSize(50);
        assertThat(newest.get(newest.size() - 1).getAttribute("data-sequence")).isEqualTo(String.valueOf(events - 1));
        assertThat(browser.findElements(By.cssSelector("#timeline g[data-kind]"))).hasSize(50);

        browser.findElement(By.cssSelector("#timeline-pages a")).click();
        await().atMost(Duration.ofSeconds(10)).until(browser::getCurrentUrl, url -> url.contains("page=1"));
        assertThat(browser.findElements(By.cssSelector("#timeline-table tr[data-sequence]"))).hasSize((int) events - 50);
    }

    @Test
    void what_changed_between_two_dates_lists_the_changes_recorded_then_and_marks_the_retroactive_ones() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertThat(http.post("/api/objectives/1.06/status-reports", "{\"status\":\"ON_TRACK\",\"effectiveOn\":\""
                + today.minusDays(40) + "\"}").status()).isEqualTo(201);
        browser = Browser.open("fr");
        browser.get(base + "/pages/changes");

        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("from")), today.toString());
        browser.findElement(By.id("apply-dates")).click();
        await().atMost(Duration.ofSeconds(10)).until(browser::getCurrentUrl, url -> url.contains("from=" + today));
        Browser.screenshot(browser, "changes-dates");

        WebElement objective = browser.findElement(By.cssSelector("section[data-aggregate='1.06']"));
        assertThat(objective.findElements(By.cssSelector("li[data-retroactive='true']"))).isNotEmpty();
        assertThat(browser.findElement(By.id("changes-summary")).getAttribute("data-from")).isEqualTo(today.toString());
        browser.get(base + "/pages/changes?from=" + today.plusDays(1));
        assertThat(browser.findElements(By.cssSelector("section[data-aggregate]"))).isEmpty();
        assertThat(http.get("/pages/changes?from=yesterday").status()).isEqualTo(400);
        assertThat(http.get("/pages/changes?from=%2B999999999-12-31").status()).isEqualTo(400);
        assertThat(http.get("/pages/changes?from=9999-12-31").status()).isEqualTo(400);
        assertThat(http.get("/pages/changes?from=" + today + "&to=" + today.minusDays(1)).status()).isEqualTo(400);
    }

    @Test
    void english_on_request_and_every_control_reached_by_the_keyboard() {
        browser = Browser.open("en");
        browser.get(base + "/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("rollup-title")).getText()).isEqualTo("Whole roadmap");
        assertThat(browser.findElement(By.id("language-switch")).getText()).isEqualTo("Français");

        List<String> reached = new ArrayList<>();
        Actions keyboard = new Actions(browser);
        for (int i = 0; i < 25; i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            reached.add(browser.switchTo().activeElement().getAttribute("id"));
        }

        assertThat(reached).contains("language-switch", "validAt", "asOf", "seal", "apply");
        browser.findElement(By.id("language-switch")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.tagName("html"))
                .getAttribute("lang"), "fr"::equals);
        assertThat(browser.findElement(By.id("rollup-title")).getText()).isEqualTo("Ensemble de la feuille de route");
    }

    @Test
    void a_change_made_through_the_api_appears_on_an_open_now_page_within_two_seconds() {
        browser = Browser.open("fr");
        browser.get(base + "/");
        WebElement status = browser.findElement(By.cssSelector("tr[data-objective='1.03'] [data-status]"));
        assertThat(status.getAttribute("data-status")).isEqualTo("NOT_STARTED");
        browser.executeScript("window.stillTheSamePage = true");

        assertThat(http.post("/api/objectives/1.03/status-reports", "{\"status\":\"LATE\"}").status()).isEqualTo(201);

        // the page swaps its <main> when it redraws: an element found just before is stale, and found again
        await().atMost(Duration.ofSeconds(2)).ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.findElement(By.cssSelector(
                        "tr[data-objective='1.03'] [data-status]")).getAttribute("data-status"), "LATE"::equals);
        assertThat(browser.executeScript("return window.stillTheSamePage === true")).as("no reload").isEqualTo(true);
    }

    @Test
    void the_roadmap_page_weighs_at_most_300_kb_on_a_first_load_with_its_styles_fonts_and_script() {
        browser = Browser.open("fr");
        browser.get(base + "/");
        browser.executeAsyncScript("document.fonts.ready.then(() => arguments[arguments.length - 1](true))");

        Number bytes = (Number) browser.executeScript("return performance.getEntriesByType('navigation')[0]"
                + ".transferSize + performance.getEntriesByType('resource')"
                + ".filter(r => !r.name.includes('/pages/updates')).reduce((sum, r) => sum + r.transferSize, 0)");
        System.out.printf("roadmap page, first load: %,d bytes transferred%n", bytes.longValue());

        assertThat(bytes.longValue()).isPositive().isLessThanOrEqualTo(300_000);
    }

    @Test
    void an_accessibility_scan_of_each_page_finds_no_serious_or_critical_violation() {
        browser = Browser.open("fr");
        List<String> found = new ArrayList<>();
        for (String page : List.of("/", "/?validAt=2024-06-30", "/pages/objectives/1.01", "/pages/changes",
                "/pages/changes?from=2023-01-01")) {
            browser.get(base + page);
            Browser.seriousViolations(browser).forEach(violation -> found.add(page + ": " + violation));
        }

        assertThat(found).isEmpty();
    }

    private List<String> rollup() {
        WebElement roadmap = browser.findElement(By.id("rollup-roadmap"));
        WebElement milestones = roadmap.findElement(By.cssSelector("[data-planned]"));
        return List.of(roadmap.findElement(By.cssSelector("[data-rollup-objectives]"))
                        .getAttribute("data-rollup-objectives"), milestones.getAttribute("data-planned"),
                milestones.getAttribute("data-achieved"), milestones.getAttribute("data-overdue"));
    }

    private static List<String> apiRollup(String query) {
        JsonNode rollup = http.getJson("/api/roadmap" + query).path("rollup");
        return List.of(rollup.path("objectives").asText(), rollup.path("milestones").path("planned").asText(),
                rollup.path("milestones").path("achieved").asText(), rollup.path("milestones").path("overdue").asText());
    }
}

package org.roadmapledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A principal over its rate limit gets 429 with Retry-After; every answer, errors too, carries the security headers. */
class RateLimitIT {

    @TempDir
    Path dataDir;

    @Test
    void a_principal_over_its_burst_is_answered_429_with_retry_after_and_another_is_not_held_up() {
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerStandaloneApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir.toAbsolutePath(),
                        "--ledger.rate-limit.per-second=1", "--ledger.rate-limit.burst=5")) {
            int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
            Http http = Http.standalone(port, dataDir);
            await().atMost(Duration.ofMinutes(2)).until(() -> http.get("/actuator/health/readiness").status() == 200);

            // when: the council's client asks far more than its burst at once
            int limited = 0;
            Http.Response last = null;
            for (int i = 0; i < 20; i++) {
                last = http.get("/api/objectives/1.01");
                if (last.status() == 429) {
                    limited++;
                    break;
                }
            }

            // then
            assertThat(limited).as("429 within 20 requests of a burst of 5").isEqualTo(1);
            assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Long.parseLong(seconds)).isBetween(1L, 2L));
            assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(http.get("/api/objectives/1.01/history").status()).as("the auditor has its own bucket")
                    .isEqualTo(200);
            Http.Response missing = http.get("/api/objectives/no-such-objective/history");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(missing.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(missing.headers().firstValue("Cache-Control")).hasValueSatisfying(c ->
                    assertThat(c).contains("no-store"));
        }
    }
}

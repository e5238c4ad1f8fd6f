package org.roadmapledger.platform.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Points an application started by a test at the {@link TestIssuer}, unless the test names an issuer itself,
 * and lifts the rate limits (first among the property sources: the application's files set both). Registered for the test class path
 * only (this jar's {@code META-INF/spring.factories}).
 */
public final class TestIssuerEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String named = environment.getProperty("ledger.oidc.issuer");
        if (named != null && !named.isBlank()) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test-issuer", Map.of(
                "ledger.oidc.issuer", TestIssuer.shared().issuer(),
                "ledger.rate-limit.per-second", "1000000",
                "ledger.rate-limit.burst", "1000000")));
    }
}

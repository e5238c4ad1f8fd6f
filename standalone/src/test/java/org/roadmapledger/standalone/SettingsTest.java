package org.roadmapledger.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings each deployment resolves, read as Spring Boot reads them at start-up: the standalone's imports
 * and their precedence, and the profiles of the split services.
 */
class SettingsTest {

    @Test
    void the_standalone_takes_both_sides_settings_and_its_own_win() {
        // when
        StandardEnvironment standalone = settings(null);

        // then
        assertThat(standalone.getProperty("server.port")).isEqualTo("8080");
        assertThat(standalone.getProperty("spring.application.name")).isEqualTo("roadmap-ledger");
        assertThat(standalone.getProperty("axon.eventhandling.processors.catalog.mode")).isEqualTo("subscribing");
        assertThat(standalone.getProperty("axon.eventhandling.processors.objective-versions.mode")).isEqualTo("pooled");
        assertThat(standalone.getProperty("spring.jackson.deserialization.fail-on-unknown-properties"))
                .isEqualTo("true");
        assertThat(standalone.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(standalone.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void profile_json_logs_writes_structured_logs() {
        // when
        StandardEnvironment json = settings(null, "json-logs");

        // then
        assertThat(json.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void on_axon_server_the_query_side_leaves_out_every_data_source() {
        // when
        StandardEnvironment querySide = settings("ledger-query-side.yml", "axonserver", "mongo");

        // then
        assertThat(querySide.getProperty("axon.axonserver.enabled")).isEqualTo("true");
        assertThat(querySide.getProperty("axon.axonserver.servers")).isEqualTo("localhost:8124");
        assertThat(querySide.getProperty("ledger.embedded-mongo")).isEqualTo("false");
        assertThat(querySide.getProperty("spring.autoconfigure.exclude[0]"))
                .isEqualTo("org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration");
        assertThat(querySide.getProperty("server.port")).isEqualTo("8081");
    }

    @Test
    void on_axon_server_the_command_side_keeps_its_catalog_in_postgresql() {
        // when
        StandardEnvironment commandSide = settings("ledger-command-side.yml", "axonserver", "postgres");

        // then
        assertThat(commandSide.getProperty("axon.axonserver.enabled")).isEqualTo("true");
        assertThat(commandSide.getProperty("ledger.embedded-postgres")).isEqualTo("false");
        assertThat(commandSide.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://localhost:5432/ledger");
    }

    /** @param sideSettings one side's file, as its application.yml imports it; null for the standalone */
    private static StandardEnvironment settings(String sideSettings, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        // Only the files: no LEDGER_* variable of the machine running the test.
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        if (sideSettings != null) {
            environment.getPropertySources().addFirst(new MapPropertySource("side", Map.of(
                    "spring.config.name", "no-application-file",
                    "spring.config.import", "classpath:" + sideSettings)));
        }
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(),
                new DefaultBootstrapContext(), profiles);
        return environment;
    }
}

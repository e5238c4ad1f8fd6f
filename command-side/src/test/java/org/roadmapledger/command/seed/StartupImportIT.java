package org.roadmapledger.command.seed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roadmapledger.command.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The import the application runs as it starts, on the bundled roadmap file. */
@SpringBootTest(properties = {"ledger.import-on-startup=true", "ledger.roadmap-file="})
@ExtendWith(OutputCaptureExtension.class)
class StartupImportIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_application_starts_with_the_bundled_roadmap_imported(CapturedOutput output) {
        // then
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.ObjectiveDefined'"))
                .isEqualTo(65);
        assertThat(count("SELECT count(*) FROM objective_placement")).isEqualTo(65);
        assertThat(count("SELECT count(*) FROM roadmap_priority")).isEqualTo(18);
        assertThat(output).contains("import: start-up import of class path resource [roadmap/roadmap.json]",
                "import: 65/65 objectives (100%)");
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}

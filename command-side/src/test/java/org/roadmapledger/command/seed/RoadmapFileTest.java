package org.roadmapledger.command.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapledger.command.LedgerProperties;
import org.roadmapledger.command.rules.Rule;
import org.roadmapledger.command.rules.RuleViolation;
import org.roadmapledger.command.web.InvalidRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class RoadmapFileTest {

    private static final String ROADMAP_ID = "fr-digital-health-2023-2027";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T22:30:00Z"), ZoneOffset.UTC);

    /** Like the application's: unknown properties of request bodies are refused. */
    private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json()
            .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static ValidatorFactory validation;
    private static RoadmapFileValidator validator;

    @BeforeAll
    static void startValidation() {
        validation = Validation.buildDefaultValidatorFactory();
        LedgerProperties properties = new LedgerProperties(ROADMAP_ID, Path.of("data"), 100, true, null, true);
        validator = new RoadmapFileValidator(validation.getValidator(), properties, CLOCK);
    }

    @AfterAll
    static void closeValidation() {
        validation.close();
    }

    @Test
    void the_bundled_file_reads_with_its_extra_fields_ignored_and_french_titles() throws IOException {
        // when
        RoadmapFile file = read(bundled());

        // then
        assertThat(file.roadmapId()).isEqualTo(ROADMAP_ID);
        assertThat(file.launchedOn()).isEqualTo(LocalDate.of(2023, 5, 17));
        assertThat(file.effectiveOn()).isNull();
        assertThat(file.title().fr()).startsWith("Feuille de route du numérique en santé 2023-2027");
        assertThat(file.axes()).hasSize(4);
        assertThat(file.axes().stream().mapToInt(axis -> axis.priorities().size()).sum()).isEqualTo(18);
        assertThat(file.axes().stream().flatMap(axis -> axis.priorities().stream())
                .mapToInt(priority -> priority.objectivesOrNone().size()).sum()).isEqualTo(65);
        RoadmapFile.Objective first = file.axes().get(0).priorities().get(0).objectivesOrNone().get(0);
        assertThat(first.code()).isEqualTo("1.01");
        assertThat(first.sponsorOrNull()).isNull();
        assertThat(first.milestonesOrNone()).extracting(RoadmapFile.Milestone::dueOn)
                .containsExactly(LocalDate.of(2023, 12, 31), LocalDate.of(2026, 12, 31));
    }

    @Test
    void the_bundled_file_is_valid() throws IOException {
        // when
        RoadmapFile file = read(bundled());

        // then no exception
        validator.validate(file);
    }

    @Test
    void a_file_for_another_roadmap_is_refused() throws IOException {
        // given
        ObjectNode tree = bundled();
        tree.put("roadmapId", "another-roadmap");

        // when, then
        assertThatThrownBy(() -> validator.validate(read(tree)))
                .asInstanceOf(type(RuleViolation.class))
                .satisfies(violation -> {
                    assertThat(violation.rule()).isEqualTo(Rule.UNKNOWN_ROADMAP);
                    assertThat(violation.field()).isEqualTo("roadmapId");
                });
    }

    @Test
    void malformed_codes_and_missing_titles_are_refused_each_with_its_path() throws IOException {
        // given
        ObjectNode tree = bundled();
        ObjectNode objective = (ObjectNode) tree.at("/axes/0/priorities/0/objectives/1");
        objective.put("code", "not an id");
        ((ObjectNode) objective.at("/milestones/0")).put("milestoneId", "");
        ((ObjectNode) tree.at("/axes/1/title")).remove("fr");
        ((ObjectNode) tree.at("/axes/2/priorities/0")).put("code", " ");

        // when, then
        assertThatThrownBy(() -> validator.validate(read(tree)))
                .asInstanceOf(type(ConstraintViolationException.class))
                .satisfies(exception -> assertThat(exception.getConstraintViolations())
                        .extracting(violation -> violation.getPropertyPath().toString())
                        .containsExactlyInAnyOrder(
                                "axes[0].priorities[0].objectives[1].code",
                                "axes[0].priorities[0].objectives[1].milestones[0].milestoneId",
                                "axes[1].title.fr",
                                "axes[2].priorities[0].code"));
    }

    @Test
    void an_objective_code_listed_twice_is_refused() throws IOException {
        // given
        ObjectNode tree = bundled();
        ((ObjectNode) tree.at("/axes/3/priorities/3/objectives/3")).put("code", "1.01");

        // when, then
        assertThatThrownBy(() -> validator.validate(read(tree)))
                .asInstanceOf(type(InvalidRequest.class))
                .satisfies(invalid -> {
                    assertThat(invalid.field()).isEqualTo("axes[3].priorities[3].objectives[3].code");
                    assertThat(invalid.getMessage()).contains("1.01");
                });
    }

    @Test
    void an_effective_date_in_the_future_is_refused() throws IOException {
        // given: today is 2025-07-01 in Paris
        ObjectNode tree = bundled();
        tree.put("effectiveOn", "2025-07-02");

        // when, then
        assertThatThrownBy(() -> validator.validate(read(tree)))
                .asInstanceOf(type(RuleViolation.class))
                .extracting(RuleViolation::rule)
                .isEqualTo(Rule.EFFECTIVE_DATE_IN_FUTURE);
    }

    @Test
    void without_a_location_the_bundled_file_is_read_else_the_named_file_or_class_path_resource() {
        // then
        assertThat(RoadmapFileSource.resource(null).getDescription()).contains("roadmap/roadmap.json");
        assertThat(RoadmapFileSource.resource("").getDescription()).contains("class path resource");
        assertThat(RoadmapFileSource.resource("/srv/ledger/roadmap.json").getDescription())
                .contains("file [/srv/ledger/roadmap.json]");
        assertThat(RoadmapFileSource.resource("classpath:other/roadmap.json").getDescription())
                .contains("class path resource [other/roadmap.json]");
    }

    @Test
    void the_source_reads_a_named_file(@TempDir Path directory) throws IOException {
        // given
        ObjectNode tree = bundled();
        tree.put("effectiveOn", "2024-02-01");
        Path named = directory.resolve("roadmap.json");
        Files.write(named, MAPPER.writeValueAsBytes(tree));

        // when
        RoadmapFile file = new RoadmapFileSource(MAPPER).read(named.toString());

        // then
        assertThat(file.effectiveOn()).isEqualTo(LocalDate.of(2024, 2, 1));
    }

    @Test
    void the_source_names_a_missing_file_it_cannot_read(@TempDir Path directory) {
        // given
        String missing = directory.resolve("missing.json").toString();

        // when, then
        assertThatThrownBy(() -> new RoadmapFileSource(MAPPER).read(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing);
    }

    static ObjectNode bundled() throws IOException {
        try (InputStream in = new ClassPathResource(RoadmapFileSource.BUNDLED).getInputStream()) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    private static RoadmapFile read(ObjectNode tree) throws IOException {
        return MAPPER.treeToValue(tree, RoadmapFile.class);
    }
}
